import type { Toast } from '~/utils/toast.server'

export function ToastBanner({ toast }: { toast: Toast }) {
  return (
    <div className={`toast toast--${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
      {toast.message}
    </div>
  )
}
