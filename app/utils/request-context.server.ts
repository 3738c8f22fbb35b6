import { AsyncLocalStorage } from 'node:async_hooks'

type RequestContext = { requestId: string }

// On globalThis: the server and the Remix build each load this module, and both must see one store.
const store = ((
  globalThis as { megilanceRequestContext?: AsyncLocalStorage<RequestContext> }
).megilanceRequestContext ??= new AsyncLocalStorage<RequestContext>())

/** Runs `next` (the rest of the request's handling) with its request id available to every log line. */
export function runWithRequestId<T>(requestId: string, next: () => T): T {
  return store.run({ requestId }, next)
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
