import { useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/** True once React runs in the browser: false on the server and whenever JavaScript is off. */
export function useHydrated(): boolean {
  // The server snapshot is used while hydrating, so the first browser render matches the HTML.
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}
