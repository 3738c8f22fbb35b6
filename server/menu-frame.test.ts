import fc from 'fast-check'
import { expect, test } from 'vitest'
import { menuFrameFinder } from './menu-frame'
import { runtimeRouter } from './route-match-cache'

type Manifest = Parameters<typeof menuFrameFinder>[0]['routes']

/** A manifest shaped like the app's: two framed layouts, index routes, params, a path both sides share. */
function manifest(): Manifest {
  const route = (id: string, parentId: string | undefined, fields: object, handle?: object) => ({
    id,
    parentId,
    ...fields,
    module: handle ? { handle } : {},
  })
  const routes = [
    route('root', undefined, { path: '' }),
    route('routes/_index', 'root', { index: true }),
    route('routes/_portal', 'root', {}, { menuFrame: 'members' }),
    route('routes/_portal.client._index', 'routes/_portal', { path: 'client', index: true }),
    route('routes/_portal.projects_.new', 'routes/_portal', { path: 'projects/new' }),
    route('routes/_portal.messages', 'routes/_portal', { path: 'messages/:conversationId?' }),
    route('routes/_portal.settings', 'routes/_portal', { path: 'settings' }),
    route('routes/_portal.settings.appearance', 'routes/_portal.settings', { path: 'appearance' }),
    route('routes/_browse', 'root', {}, { menuFrame: 'everyone' }),
    route('routes/_browse.projects._index', 'routes/_browse', { path: 'projects', index: true }),
    route('routes/_browse.projects_.$projectId._index', 'routes/_browse', { path: 'projects/:projectId', index: true }),
    route('routes/_browse.help.matching', 'routes/_browse', { path: 'help/matching' }),
    route('routes/help.$topic', 'root', { path: 'help/:topic' }),
    route('routes/Case', 'root', { path: 'Case', caseSensitive: true }),
  ]
  return Object.fromEntries(routes.map((r) => [r.id, r])) as unknown as Manifest
}

/** The frame of the deepest route Remix's static handler matches for the same URL, on routes built as the server runtime builds them. */
async function frameRemixFinds(routes: Manifest, url: string): Promise<string | null> {
  const tree = (parentId: string | undefined): object[] =>
    Object.values(routes)
      .filter((r) => r.parentId === parentId)
      // As the runtime's createStaticHandlerDataRoutes: an index route has no children.
      .map((r) =>
        r.index
          ? { id: r.id, path: r.path, index: true }
          : { id: r.id, path: r.path, caseSensitive: r.caseSensitive, children: tree(r.id) },
      )
  const router = runtimeRouter() as unknown as {
    createStaticHandler: (routes: object[]) => { query: (request: Request) => Promise<unknown> }
  }
  const context = (await router.createStaticHandler(tree(undefined)).query(new Request(`http://localhost${url}`))) as {
    matches: { route: { id: string } }[]
    errors: unknown
  }
  if (context.errors) return null // nothing matched: Remix renders the root's 404
  const frames = context.matches
    .map((m) => (routes[m.route.id]!.module.handle as { menuFrame?: string } | undefined)?.menuFrame)
    .filter(Boolean)
  return frames.at(-1) ?? null
}

const segment = fc.constantFrom(
  'client',
  'projects',
  'new',
  'p-1',
  'messages',
  'settings',
  'appearance',
  'help',
  'matching',
  'tax',
  'Case',
  'case',
  '',
  '..',
  '.',
  '%2F',
  'a%20b',
)
const url = fc
  .tuple(fc.array(segment, { maxLength: 4 }), fc.constantFrom('', '?q=1', '?index', '#top', '?_data=root', '/'))
  .map(([parts, tail]) => `/${parts.join('/')}${tail}`)

test('the menu frame is the one of the deepest route Remix matches for the same URL', async () => {
  const routes = manifest()
  const frameOf = menuFrameFinder({ routes, basename: undefined })
  await fc.assert(
    fc.asyncProperty(url, async (path) => {
      expect(frameOf(path), path).toBe(await frameRemixFinds(routes, path))
    }),
    { seed: 30, numRuns: 400 },
  )
  expect(frameOf('/client')).toBe('members')
  expect(frameOf('/settings/appearance')).toBe('members')
  expect(frameOf('/projects/new')).toBe('members')
  expect(frameOf('/projects/p-1?x=1')).toBe('everyone')
  expect(frameOf('/help/matching')).toBe('everyone')
  expect(frameOf('/help/tax')).toBeNull()
  expect(frameOf('/')).toBeNull()
})
