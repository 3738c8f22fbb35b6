import fc from 'fast-check'
import { expect, test } from 'vitest'
import { cachedMatchRoutes, runtimeRouter } from './route-match-cache'

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
