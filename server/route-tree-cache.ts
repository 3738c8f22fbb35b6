import { createRequire } from 'node:module'
import path from 'node:path'
import { runtimeRouter } from './route-match-cache'

type Manifest = Record<string, unknown>
type RouteModules = Record<string, unknown>
type CreateServerRoutes = ((
  manifest: Manifest,
  routeModules: RouteModules,
  future: object,
  isSpaMode: boolean,
  ...rest: unknown[]
) => unknown[]) & { kept?: true }
type ConvertRoutes = ((
  routes: unknown[],
  mapRouteProperties: unknown,
  parentPath?: string[],
  manifest?: Record<string, unknown>,
) => unknown[]) & { kept?: true }

/** @remix-run/react's route-tree module, the one its RemixServer calls (`routes.createServerRoutes`). */
function remixReactRoutes(): { createServerRoutes: CreateServerRoutes } {
  const require = createRequire(import.meta.url)
  return require(path.join(path.dirname(require.resolve('@remix-run/react')), 'routes.js')) as {
    createServerRoutes: CreateServerRoutes
  }
}

/**
 * Every document render rebuilt the app's whole route tree twice, about 140 routes each time:
 * Remix's RemixServer turns the build's manifest into React Router routes (`createServerRoutes`),
 * then React Router's `createStaticRouter` converts those into data routes
 * (`UNSAFE_convertRoutesToDataRoutes`). Both answers depend only on the build, not on the request:
 * this keeps one per build (the manifest object) and per route array. The routes are only read
 * while rendering, so requests can share them. Dev builds bring a new manifest and get a new tree.
 */
export function cacheRouteTrees(): void {
  const remix = remixReactRoutes()
  if (!remix.createServerRoutes.kept) remix.createServerRoutes = keptServerRoutes(remix.createServerRoutes)
  const router = runtimeRouter() as unknown as { UNSAFE_convertRoutesToDataRoutes: ConvertRoutes }
  if (!router.UNSAFE_convertRoutesToDataRoutes.kept)
    router.UNSAFE_convertRoutesToDataRoutes = keptDataRoutes(router.UNSAFE_convertRoutesToDataRoutes)
}

export function keptServerRoutes(create: CreateServerRoutes): CreateServerRoutes {
  const byManifest = new WeakMap<Manifest, { root: unknown; future: object; isSpaMode: boolean; routes: unknown[] }>()
  const kept: CreateServerRoutes = (manifest, routeModules, future, isSpaMode, ...rest) => {
    // Only the whole tree (no parent id given) is kept; RemixServer asks for nothing else.
    if (rest.length > 0) return create(manifest, routeModules, future, isSpaMode, ...rest)
    const found = byManifest.get(manifest)
    // The same build's modules (a fresh object per request, holding the same modules) and options.
    if (found && found.root === routeModules.root && found.future === future && found.isSpaMode === isSpaMode)
      return found.routes
    const routes = create(manifest, routeModules, future, isSpaMode)
    byManifest.set(manifest, { root: routeModules.root, future, isSpaMode, routes })
    return routes
  }
  return Object.assign(kept, { kept: true as const })
}

/**
 * The caller (React Router's createStaticRouter) reads a few matched routes by id from the empty
 * manifest it passed in. Copying every route into it cost more than the rest of the route tree's
 * reuse saved on a signed-in page (bench/portal-cost.ts profiles); as its prototype, the kept manifest
 * answers the same reads by id without a copy.
 */
function lendRoutes(manifest: Record<string, unknown>, kept: Record<string, unknown>): void {
  if (Object.keys(manifest).length === 0) Object.setPrototypeOf(manifest, kept)
  else Object.assign(manifest, kept)
}

export function keptDataRoutes(convert: ConvertRoutes): ConvertRoutes {
  const byRoutes = new WeakMap<
    unknown[],
    { mapRouteProperties: unknown; dataRoutes: unknown[]; manifest: Record<string, unknown> }
  >()
  const kept: ConvertRoutes = (routes, mapRouteProperties, parentPath, manifest = {}) => {
    if (parentPath?.length) return convert(routes, mapRouteProperties, parentPath, manifest)
    const found = byRoutes.get(routes)
    if (found && found.mapRouteProperties === mapRouteProperties) {
      lendRoutes(manifest, found.manifest)
      return found.dataRoutes
    }
    const filled: Record<string, unknown> = {}
    const dataRoutes = convert(routes, mapRouteProperties, parentPath, filled)
    byRoutes.set(routes, { mapRouteProperties, dataRoutes, manifest: filled })
    lendRoutes(manifest, filled)
    return dataRoutes
  }
  return Object.assign(kept, { kept: true as const })
}
