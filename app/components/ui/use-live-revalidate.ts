import { useRevalidator } from '@remix-run/react'
import { useEffect, useRef } from 'react'

/**
 * With JavaScript, reloads the page's data (the same URL, filters and page) whenever the server sends
 * `event` on the event stream at `url`. Without JavaScript the page stays as it was served.
 */
export function useLiveRevalidate(url: string, event: string) {
  const revalidator = useRevalidator()
  // The latest revalidate, so a new one does not reopen the stream.
  const revalidate = useRef(revalidator.revalidate)
  useEffect(() => {
    revalidate.current = revalidator.revalidate
  })
  useEffect(() => {
    if (typeof EventSource === 'undefined') return
    const source = new EventSource(url)
    const onEvent = () => revalidate.current()
    source.addEventListener(event, onEvent)
    return () => {
      source.removeEventListener(event, onEvent)
      source.close()
    }
  }, [url, event])
}
