import { AsyncLocalStorage } from 'node:async_hooks'

/** `memo` exists only for requests that run no action (GET, HEAD): see memoInRequest. */
type RequestContext = { requestId: string; memo?: Map<string, unknown>; clientIp?: string | null }

// On globalThis: the server and the Remix build each load this module, and both must see one store.
const store = ((
  globalThis as { megilanceRequestContext?: AsyncLocalStorage<RequestContext> }
).megilanceRequestContext ??= new AsyncLocalStorage<RequestContext>())

/**
 * Runs `next` (the rest of the request's handling) with its request id available to every log line.
 * `readOnly`: the request runs loaders only (GET, HEAD), so its answers may be shared between them.
 * `clientIp`: the caller's address (as context.clientIp), for checks made where only the Request is at
 * hand, such as the session's IP allowlist and the blocklist.
 */
export function runWithRequestId<T>(requestId: string, next: () => T, readOnly = false, clientIp?: string | null): T {
  const context: RequestContext = readOnly ? { requestId, memo: new Map() } : { requestId }
  if (clientIp !== undefined) context.clientIp = clientIp
  return store.run(context, next)
}

/**
 * The address of the request being handled (null when unknown), or undefined outside a request
 * the server handles (tests calling a loader, scripts): then no address check applies.
 */
export function currentClientIp(): string | null | undefined {
  return store.getStore()?.clientIp
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
