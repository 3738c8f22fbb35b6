import type { ServerBuild } from '@remix-run/node'
import type { MenuFrame } from '../app/load-context'
import { runtimeRouter } from './route-match-cache'

type Route = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children: Route[] }

/**
 * The menu frame of the page a URL leads to: the `handle.menuFrame` of the deepest route that
 * declares one among the routes Remix matches for it, or null. The root loader reads it (as
 * `context.menuFrame`) to answer the portal menu itself, so a portal page runs no loader of its
 * layout. The routes are matched as the Remix server runtime matches them: the same tree (built
 * from the build's manifest as the runtime's createRoutes builds it), the same `matchRoutes` and
 * the pathname of the same URL (the adapter's `protocol://host` + the original URL).
 */
export function menuFrameFinder(
  build: Pick<ServerBuild, 'routes' | 'basename'>,
): (originalUrl: string) => MenuFrame | null {
  const byParent = new Map<string, ServerBuild['routes'][string][]>()
  for (const route of Object.values(build.routes)) {
    const parentId = route.parentId || ''
    byParent.set(parentId, [...(byParent.get(parentId) ?? []), route])
  }
  const tree = (parentId: string): Route[] =>
    (byParent.get(parentId) ?? []).map((route) => ({
      id: route.id,
      path: route.path,
      index: route.index,
      caseSensitive: route.caseSensitive,
      children: tree(route.id),
    }))
  const routes = tree('')
  const frames = new Map<string, MenuFrame>()
  for (const route of Object.values(build.routes)) {
    const frame = (route.module.handle as { menuFrame?: MenuFrame } | undefined)?.menuFrame
    if (frame) frames.set(route.id, frame)
  }
  const router = runtimeRouter()
  return (originalUrl) => {
    if (!frames.size) return null
    let pathname: string
    try {
      pathname = new URL(`http://localhost${originalUrl}`).pathname
    } catch {
      return null
    }
    const matches = router.matchRoutes(routes, pathname, build.basename) ?? []
    for (let index = matches.length - 1; index >= 0; index -= 1) {
      const frame = frames.get(matches[index]!.route.id ?? '')
      if (frame) return frame
    }
    return null
  }
}
