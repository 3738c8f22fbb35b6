import { AsyncResource } from 'node:async_hooks'
import type { RequestHandler } from 'express'

/**
 * Starts the requests that reach it one per turn of the event loop, in the order they came.
 *
 * A page's work is mostly synchronous (better-sqlite3, React's render), so a request runs to its end
 * in one go once started, apart from a few real waits: the rate-limit count in the primary, password
 * hashing on the libuv pool, compression. Without this, every request whose wait ended in the same
 * turn (under load, tens of them) ran back to back before the loop looked at anything else, and a
 * request coming back from a wait (a sign-in after its hash) queued behind that whole batch once per
 * wait: sign-ins had the longest tail. Here a request that comes back from a wait goes on at the next
 * turn, after at most one newly started request.
 */
export function takeTurns(): RequestHandler {
  const waiting: (() => void)[] = []
  let scheduled = false
  function startNext() {
    scheduled = false
    const start = waiting.shift()
    if (waiting.length) {
      scheduled = true
      setImmediate(startNext)
    }
    start?.()
  }
  return (_req, _res, next) => {
    // Bound, so the request goes on in its own context (its request id in the log lines).
    waiting.push(AsyncResource.bind(() => next()))
    if (!scheduled) {
      scheduled = true
      setImmediate(startNext)
    }
  }
}
