import { useLocation } from '@remix-run/react'
import { useState } from 'react'
import type { Toast } from '~/http/toast.server'

/** Shown on the page the redirect lands on; with JavaScript it goes away at the next navigation. */
export function ToastBanner({ toast }: { toast: Toast }) {
  const location = useLocation()
  const [shownOn] = useState(location.key)
  if (location.key !== shownOn) return null
  return (
    <div className={`toast toast--${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
      {toast.message}
    </div>
  )
}
