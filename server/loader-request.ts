import { createRequire } from 'node:module'

type LoaderArgs = { request: Request; context: unknown; params: unknown }
type CallRouteLoader = ((options: {
  loadContext: unknown
  loader: (args: LoaderArgs) => unknown
  params: unknown
  request: Request
  routeId: string
  singleFetch?: boolean
}) => Promise<unknown>) & { sharesRequest?: true }
type RuntimeData = { callRouteLoader: CallRouteLoader }
type RuntimeResponses = {
  isResponse: (value: unknown) => boolean
  isDeferredData: (value: unknown) => boolean
  json: (value: unknown) => Response
}

/** A module of the Remix server runtime that @remix-run/node loads (a dependency of it, not of ours). */
function runtimeModule<T>(file: string): T {
  const from = createRequire(import.meta.url).resolve('@remix-run/node')
  return createRequire(createRequire(from).resolve('@remix-run/server-runtime'))(`./${file}`) as T
}

/**
 * Remix gives each loader its own copy of the request, made twice over (once without `?index`, once
 * without `?_data`): two `new Request`s per loader, each parsing the URL, copying the headers and making an
 * AbortSignal that follows the original's. A signed-in page runs three loaders, so six copies, about
 * 8 % of a dashboard's CPU. When the URL has no query string (so nothing to strip, and no re-encoding of
 * one) and the request has no body (a GET or HEAD), the copies equal the original in all a loader can
 * see, so this hands the loaders the original; otherwise it calls Remix's own. Remix's `routes.js` calls `data.callRouteLoader` through the module
 * object on each request, so replacing the export reaches every route.
 */
export function shareRequestWithLoaders(): void {
  const data = runtimeModule<RuntimeData>('data.js')
  if (data.callRouteLoader.sharesRequest) return
  const responses = runtimeModule<RuntimeResponses>('responses.js')
  const original = data.callRouteLoader
  const shared: CallRouteLoader = async (options) => {
    const { request } = options
    if (options.singleFetch || request.body !== null || request.url.includes('?')) return original(options)
    const result = await options.loader({ request, context: options.loadContext, params: options.params })
    // The rest as Remix does it: the same error for a missing answer, deferred data and plain objects
    // handed to Remix's own code.
    if (result === undefined || responses.isDeferredData(result)) return original({ ...options, loader: () => result })
    return responses.isResponse(result) ? result : responses.json(result)
  }
  data.callRouteLoader = Object.assign(shared, { sharesRequest: true as const })
}
