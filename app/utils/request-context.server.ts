import { AsyncLocalStorage } from 'node:async_hooks'

/** `memo` exists only for requests that run no action (GET, HEAD): see memoInRequest. */
type RequestContext = { requestId: string; memo?: Map<string, unknown> }

// On globalThis: the server and the Remix build each load this module, and both must see one store.
const store = ((
  globalThis as { megilanceRequestContext?: AsyncLocalStorage<RequestContext> }
).megilanceRequestContext ??= new AsyncLocalStorage<RequestContext>())

/**
 * Runs `next` (the rest of the request's handling) with its request id available to every log line.
 * `readOnly`: the request runs loaders only (GET, HEAD), so its answers may be shared between them.
 */
export function runWithRequestId<T>(requestId: string, next: () => T, readOnly = false): T {
  return store.run(readOnly ? { requestId, memo: new Map() } : { requestId }, next)
}

/**
 * The first answer for `key` in this request, when it runs loaders only: a page's root, layout and
 * route loaders each ask who is signed in, and one lookup answers all three. In a request that runs
 * an action (which may sign out or change the session) or outside any request, `compute()` each time.
 */
export function memoInRequest<T>(key: string, compute: () => T): T {
  const memo = store.getStore()?.memo
  if (!memo) return compute()
  if (!memo.has(key)) memo.set(key, compute())
  return memo.get(key) as T
}

/** The id of the request being handled, which a person quotes to support and an admin finds in the log. */
function currentRequestId(): string | undefined {
  return store.getStore()?.requestId
}

/** A pino mixin: every line logged while handling a request carries its id (reqId). */
export function logMixin(): { reqId?: string } {
  const reqId = currentRequestId()
  return reqId ? { reqId } : {}
}
