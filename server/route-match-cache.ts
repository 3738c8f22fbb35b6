import { createRequire } from 'node:module'
import { LRUCache } from 'lru-cache'

type Route = { id?: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] }
type Match = { params: Record<string, string | undefined>; pathname: string; pathnameBase: string; route: Route }
type MatchRoutes = (routes: Route[], location: string | { pathname?: string }, basename?: string) => Match[] | null
type Tree = { signature: number; byId: Map<string, Route> } | null
type Found = { ids: string[]; params: Match['params']; paths: [string, string][] } | null
type StaticHandler = {
  dataRoutes: Route[]
  query: (request: Request, options?: object) => Promise<unknown>
  queryRoute: (request: Request, options?: object) => Promise<unknown>
}
type CreateStaticHandler = (routes: Route[], options?: { basename?: string }) => StaticHandler
type RuntimeRouter = {
  matchRoutes: MatchRoutes & { cached?: true }
  createStaticHandler: CreateStaticHandler & { narrowed?: true }
}

/**
 * The router module the Remix server runtime itself loads (a dependency of it, not of ours): the
 * runtime, React Router and Remix's route discovery all call `matchRoutes` on this one object.
 */
export function runtimeRouter(): RuntimeRouter {
  // Each step resolves from the package that depends on the next: ours → @remix-run/node → the runtime → the router.
  let from = import.meta.url
  for (const name of ['@remix-run/node', '@remix-run/server-runtime']) from = createRequire(from).resolve(name)
  return createRequire(from)(['@remix-run', 'router'].join('/')) as RuntimeRouter
}

/**
 * `matchRoutes` of @remix-run/router flattens and ranks every route and tries each one's regular
 * expression on every call, and a page request calls it several times (the server runtime, React
 * Router's render, the route-discovery manifest): with ~130 routes that was ~16 % of the CPU of a
 * page. The answer depends only on the route tree's shape (ids, paths, index and case flags), the
 * basename and the pathname, so this wraps the module's export with a cache keyed on those. Each
 * answer is rebuilt on the caller's own route objects with fresh params, as the original returns.
 * The calls inside the router's static handler use its internal binding and are not cached.
 */
export function cacheRouteMatching(max = 2_000): void {
  const router = runtimeRouter()
  if (!router.matchRoutes.cached) {
    router.matchRoutes = Object.assign(cachedMatchRoutes(router.matchRoutes, max), { cached: true as const })
  }
  if (!router.createStaticHandler.narrowed) {
    router.createStaticHandler = Object.assign(queryOnMatchedBranch(router.createStaticHandler, router.matchRoutes), {
      narrowed: true as const,
    })
  }
}

/**
 * The static handler (`query` for a page, `queryRoute` for a loader's data) matches the URL with
 * the router's internal `matchRoutes`, which the cache above cannot reach: it tries every branch
 * ranked above the right one, compiling a regular expression for each route of each: about 0.6 ms of
 * CPU for /bench/floor and 0.9 ms for /client (ranked after every longer path) on each request. This
 * hands each request to a static handler over only the branch the (cached) matcher found: the same
 * route objects (loaders, actions, boundaries) with their ids, so the handler finds the same matches
 * and runs the same loaders, and its answer is the one the whole tree gives. One such handler is
 * kept per branch (at most one per route); a URL that matches nothing goes to the whole tree.
 */
export function queryOnMatchedBranch(create: CreateStaticHandler, match: MatchRoutes): CreateStaticHandler {
  return (routes, options) => {
    const whole = create(routes, options)
    const byBranch = new Map<string, StaticHandler>()
    const handlerFor = (request: Request): StaticHandler => {
      const matches = match(routes, new URL(request.url).pathname, options?.basename)
      if (!matches?.length) return whole
      const ids = matches.map((found) => found.route.id ?? '')
      const key = ids.join('\u0000')
      let handler = byBranch.get(key)
      if (!handler) {
        handler = create(branchOf(routes, ids), options)
        byBranch.set(key, handler)
      }
      return handler
    }
    return {
      ...whole,
      query: (request, queryOptions) => handlerFor(request).query(request, queryOptions),
      queryRoute: (request, queryOptions) => handlerFor(request).queryRoute(request, queryOptions),
    }
  }
}

/** The routes on one branch (ids from the root down), each with only the next as its child. */
function branchOf(routes: Route[], ids: string[]): Route[] {
  const [id, ...rest] = ids
  const route = routes.find((candidate) => candidate.id === id)
  if (!route) throw new Error(`No route ${id} where the matcher found it`)
  return [{ ...route, children: rest.length ? branchOf(route.children ?? [], rest) : undefined }]
}

export function cachedMatchRoutes(original: MatchRoutes, max: number): MatchRoutes {
  const trees = new WeakMap<Route[], Tree>()
  const signatures = new Map<string, number>()
  const found = new LRUCache<string, { value: Found }>({ max })

  function describe(routes: Route[]): Tree {
    if (trees.has(routes)) return trees.get(routes) ?? null
    const byId = new Map<string, Route>()
    const parts: string[] = []
    let complete = true
    const walk = (list: Route[]) => {
      parts.push('[')
      for (const route of list) {
        if (!route.id || byId.has(route.id)) complete = false
        else byId.set(route.id, route)
        parts.push(`${route.id}\u0001${route.path ?? ''}\u0001${route.index ? 1 : 0}${route.caseSensitive ? 1 : 0}`)
        if (route.children?.length) walk(route.children)
      }
      parts.push(']')
    }
    walk(routes)
    let tree: Tree = null
    if (complete) {
      const shape = parts.join('\u0002')
      let signature = signatures.get(shape)
      if (signature === undefined) {
        signature = signatures.size
        signatures.set(shape, signature)
      }
      tree = { signature, byId }
    }
    trees.set(routes, tree)
    return tree
  }

  return (routes, location, basename = '/') => {
    const tree = describe(routes)
    if (!tree) return original(routes, location, basename)
    const pathname = typeof location === 'string' ? (location.split(/[?#]/, 1)[0] ?? '') : (location.pathname ?? '')
    const key = `${tree.signature}\u0000${basename}\u0000${pathname}`
    let entry = found.get(key)
    if (!entry) {
      const matches = original(routes, location, basename)
      entry = {
        value: matches && {
          ids: matches.map((match) => match.route.id ?? ''),
          params: { ...matches[0]?.params },
          paths: matches.map((match) => [match.pathname, match.pathnameBase]),
        },
      }
      found.set(key, entry)
      return matches
    }
    const cached = entry.value
    if (!cached) return null
    // One params object shared by every match, as the original returns.
    const params = { ...cached.params }
    return cached.ids.map((id, index) => ({
      params,
      pathname: cached.paths[index]![0],
      pathnameBase: cached.paths[index]![1],
      route: tree.byId.get(id)!,
    }))
  }
}
