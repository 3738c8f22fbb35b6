import { useEffect, useState } from 'react'

/** True once React runs in the browser: false on the server and whenever JavaScript is off. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return hydrated
}
