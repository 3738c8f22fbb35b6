import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { cacheRouteTrees, keptDataRoutes, keptServerRoutes } from './route-tree-cache'

describe('the server route tree, kept per build', () => {
  const manifest = { root: { id: 'root' }, home: { id: 'home', parentId: 'root' } }
  const modules = () => ({ root: rootModule, home: {} })
  const rootModule = {}
  const future = {}

  it('is built once per manifest and shared, and built again for another build or options', () => {
    const create = vi.fn((m: Record<string, unknown>) => [{ id: 'root', ids: Object.keys(m) }])
    const kept = keptServerRoutes(create)
    const first = kept(manifest, modules(), future, false)
    // A request brings a fresh route-modules object holding the same modules: the same tree.
    expect(kept(manifest, modules(), future, false)).toBe(first)
    expect(create).toHaveBeenCalledTimes(1)
    expect(kept({ ...manifest }, modules(), future, false)).not.toBe(first)
    expect(kept(manifest, { root: {}, home: {} }, future, false)).not.toBe(first)
    expect(kept(manifest, modules(), {}, false)).not.toBe(first)
    expect(kept(manifest, modules(), future, true)).not.toBe(first)
    // Part of a tree (a parent id given) is never kept.
    kept(manifest, modules(), future, false, 'root')
    kept(manifest, modules(), future, false, 'root')
    expect(create).toHaveBeenCalledTimes(7)
  })
})

describe('the data routes, kept per route tree', () => {
  const routes = [{ id: 'root', children: [{ id: 'home', index: true }] }]
  const mapProperties = () => ({})
  const convert = vi.fn(
    (input: typeof routes, _map: unknown, _parent?: string[], manifest: Record<string, unknown> = {}) => {
      const out = input.map((route) => ({ ...route, converted: true }))
      for (const route of out) manifest[route.id] = route
      manifest.home = { id: 'home', converted: true }
      return out
    },
  )

  it('converts a tree once, and fills each caller’s manifest with the same routes', () => {
    const kept = keptDataRoutes(convert as never)
    const firstManifest: Record<string, unknown> = {}
    const first = kept(routes, mapProperties, undefined, firstManifest)
    const secondManifest: Record<string, unknown> = {}
    const second = kept(routes, mapProperties, undefined, secondManifest)
    expect(second).toBe(first)
    // Read by id, as createStaticRouter reads it: the same routes, without copying them in.
    for (const id of ['root', 'home']) expect(secondManifest[id]).toBe(firstManifest[id])
    expect(secondManifest.root).toBe(first[0])
    // A manifest that already holds routes is added to, not replaced.
    const filledManifest: Record<string, unknown> = { other: 1 }
    kept(routes, mapProperties, undefined, filledManifest)
    expect(filledManifest).toMatchObject({ other: 1, root: first[0] })
    expect(convert).toHaveBeenCalledTimes(1)
    // Another mapping, or a subtree, is converted as asked.
    kept(routes, () => ({}), undefined, {})
    kept(routes, mapProperties, ['0'], {})
    expect(convert).toHaveBeenCalledTimes(3)
  })
})

describe('cacheRouteTrees', () => {
  it('reaches the functions Remix’s and React Router’s server renders call', () => {
    cacheRouteTrees()
    const require = createRequire(import.meta.url)
    const remixRoutes = require(path.join(path.dirname(require.resolve('@remix-run/react')), 'routes.js'))
    expect(remixRoutes.createServerRoutes.kept).toBe(true)
    // react-router-dom's createStaticRouter (what RemixServer renders with, resolved from there) now shares one tree.
    const fromRemix = createRequire(require.resolve('@remix-run/react'))
    const { createStaticRouter } = fromRemix(['react-router-dom', 'server.js'].join('/')) as {
      createStaticRouter: (routes: object[], context: object) => { routes: unknown[] }
    }
    const routes = [{ id: 'root', path: '/' }]
    const context = { matches: [], location: { pathname: '/' } }
    expect(createStaticRouter(routes, context).routes).toBe(createStaticRouter(routes, context).routes)
  })
})
