import { useRevalidator } from '@remix-run/react'
import { useEffect, useRef } from 'react'

/**
 * With JavaScript, reloads the desk's data (the same filters, page and sort) whenever the server
 * says an alert was raised or updated, so new alerts appear without a reload. Without JavaScript
 * the page stays as it was served.
 */
export function useLiveFraudAlerts() {
  const revalidator = useRevalidator()
  const revalidate = useRef(revalidator.revalidate)
  useEffect(() => {
    revalidate.current = revalidator.revalidate
  })
  useEffect(() => {
    if (typeof EventSource === 'undefined') return
    const source = new EventSource('/admin/fraud/events')
    const onAlert = () => revalidate.current()
    source.addEventListener('fraud-alert', onAlert)
    return () => {
      source.removeEventListener('fraud-alert', onAlert)
      source.close()
    }
  }, [])
}
