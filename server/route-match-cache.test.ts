import fc from 'fast-check'
import { expect, test } from 'vitest'
import { cachedMatchRoutes, queryOnMatchedBranch, runtimeRouter } from './route-match-cache'

type Route = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] }
type Match = { params: Record<string, string | undefined>; pathname: string; pathnameBase: string; route: Route }
const matchRoutes = runtimeRouter().matchRoutes as unknown as (
  routes: Route[],
  location: string,
  basename?: string,
) => Match[] | null

/** A tree shaped like the app's: layouts, index routes, params, optional segments, splats. */
function tree(): Route[] {
  return [
    {
      id: 'root',
      path: '',
      children: [
        { id: 'home', index: true },
        { id: 'projects', path: 'projects' },
        { id: 'project', path: 'projects/:projectId' },
        {
          id: 'portal',
          children: [
            { id: 'messages', path: 'messages/:conversationId?' },
            { id: 'client', path: 'client' },
          ],
        },
        { id: 'help', path: 'help/*' },
        { id: 'Case', path: 'Case', caseSensitive: true },
        { id: 'catchall', path: '*' },
      ],
    },
  ]
}

const view = (matches: ReturnType<typeof matchRoutes>) =>
  matches?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname, pathnameBase: m.pathnameBase }))

const segment = fc.constantFrom('projects', 'messages', 'client', 'help', 'case', 'Case', 'a b', '%20', 'x', '', 'p-1')
const pathname = fc.array(segment, { maxLength: 4 }).map((parts) => `/${parts.join('/')}`)

test('the cached matcher answers exactly as the router does, on the caller’s own route objects', () => {
  const cached = cachedMatchRoutes(matchRoutes as never, 100)
  fc.assert(
    fc.property(pathname, fc.constantFrom('/', '/base'), fc.constantFrom('', '?q=1', '#top'), (path, base, tail) => {
      // A fresh tree each time, as React Router builds per request: same shape, new objects.
      const routes = tree()
      for (let round = 0; round < 2; round += 1) {
        const expected = matchRoutes(routes, `${path}${tail}`, base)
        const got = (cached as typeof matchRoutes)(routes, `${path}${tail}`, base)
        expect(view(got)).toEqual(view(expected))
        for (const match of got ?? []) expect(Object.values(flatten(routes))).toContain(match.route)
      }
    }),
    { seed: 20, numRuns: 300 },
  )
})

test('params are fresh on every call, so one request cannot change another’s', () => {
  const cached = cachedMatchRoutes(matchRoutes as never, 100) as typeof matchRoutes
  const first = cached(tree(), '/projects/p1')!
  first[0]!.params.projectId = 'changed'
  expect(cached(tree(), '/projects/p1')![1]!.params.projectId).toBe('p1')
})

function flatten(routes: Route[]): Route[] {
  return routes.flatMap((route) => [route, ...flatten((route.children ?? []) as Route[])])
}

type Handler = {
  query: (request: Request) => Promise<unknown>
  queryRoute: (request: Request, options: { routeId: string }) => Promise<unknown>
}
type Create = (routes: Route[], options?: { basename?: string }) => Handler

/** The tree above, each route with a loader that says which route ran with which params (and one that throws). */
function treeWithLoaders(): Route[] {
  const withLoaders = (routes: Route[]): Route[] =>
    routes.map((route) => ({
      ...route,
      hasErrorBoundary: route.id === 'root' || route.id === 'portal',
      loader: ({ params }: { params: Record<string, string> }) => {
        if (params.conversationId === 'x') throw new Response('Not found', { status: 404 })
        return { ran: route.id, params }
      },
      children: route.children && withLoaders(route.children),
    }))
  return withLoaders(tree())
}

/** What an answer is made of: a page's status, matches, loader data and errors (by status); a loader's data. */
async function answer(result: Promise<unknown>) {
  const got = await result.catch((error: unknown) => error)
  if (got instanceof Response) return { response: got.status, body: await got.text() }
  // queryRoute's answer is the loader's data, or the error it refused with.
  if (!got || typeof got !== 'object' || !('matches' in got)) return got
  const context = got as {
    statusCode: number
    matches: { route: { id: string }; params: object; pathname: string }[]
    loaderData: object
    errors: Record<string, { status?: number }> | null
  }
  return {
    statusCode: context.statusCode,
    matches: context.matches.map((match) => [match.route.id, match.params, match.pathname]),
    loaderData: context.loaderData,
    errors: context.errors && Object.fromEntries(Object.entries(context.errors).map(([id, e]) => [id, e.status])),
  }
}

test('a static handler over the matched branch answers every page and loader as the whole tree does', async () => {
  const create = runtimeRouter().createStaticHandler as unknown as Create
  const narrowed = queryOnMatchedBranch(
    create as never,
    cachedMatchRoutes(matchRoutes as never, 100) as never,
  ) as unknown as Create
  const samples = fc.sample(fc.tuple(pathname, fc.constantFrom('/', '/base'), fc.constantFrom('', '?index', '?q=1')), {
    seed: 21,
    numRuns: 200,
  })
  for (const [path, base, search] of samples) {
    const whole = create(treeWithLoaders(), { basename: base })
    const branch = narrowed(treeWithLoaders(), { basename: base })
    const url = `http://localhost${base === '/' ? '' : base}${path}${search}`
    expect(await answer(branch.query(new Request(url)))).toEqual(await answer(whole.query(new Request(url))))
    for (const routeId of ['root', 'portal', 'client', 'messages', 'project', 'home']) {
      expect(await answer(branch.queryRoute(new Request(url), { routeId }))).toEqual(
        await answer(whole.queryRoute(new Request(url), { routeId })),
      )
    }
  }
})
