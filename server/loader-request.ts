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
 * 8 % of a dashboard's CPU. When the request has no body (a GET or HEAD) and its URL would come out of
 * the stripping unchanged, the copies equal the original in all a loader can see, so this hands the
 * loaders the original; otherwise it calls Remix's own. Remix's `routes.js` calls `data.callRouteLoader` through the module
 * object on each request, so replacing the export reaches every route.
 */
/**
 * Whether Remix's stripping leaves this URL as it is: no query string, or one without `index` and `_data`
 * that is already written as URLSearchParams writes it (Remix's `delete` writes the whole query again,
 * so `?q=a%20b` would become `?q=a+b`). The links this app makes are written that way.
 */
function unchangedByStripping(url: string): boolean {
  const start = url.indexOf('?')
  if (start === -1) return true
  const search = url.slice(start + 1)
  if (search === '') return false
  const params = new URLSearchParams(search)
  return !params.has('index') && !params.has('_data') && params.toString() === search
}

export function shareRequestWithLoaders(): void {
  const data = runtimeModule<RuntimeData>('data.js')
  if (data.callRouteLoader.sharesRequest) return
  const responses = runtimeModule<RuntimeResponses>('responses.js')
  const original = data.callRouteLoader
  const shared: CallRouteLoader = async (options) => {
    const { request } = options
    if (options.singleFetch || request.body !== null || !unchangedByStripping(request.url)) return original(options)
    const result = await options.loader({ request, context: options.loadContext, params: options.params })
    // The rest as Remix does it: the same error for a missing answer, deferred data and plain objects
    // handed to Remix's own code.
    if (result === undefined || responses.isDeferredData(result)) return original({ ...options, loader: () => result })
    return responses.isResponse(result) ? result : responses.json(result)
  }
  data.callRouteLoader = Object.assign(shared, { sharesRequest: true as const })
}
