/**
 * The JavaScript each kind of page makes a browser download, gzip-compressed as the server sends
 * it, read from the production build (`npm run build`): the client entry, the root and every route
 * module on the page's route chain, their shared chunks, and the chunks those load on demand with
 * `import()` (the call room loads PeerJS that way, so it is counted for the call room only).
 * With lazy route discovery (v3_lazyRouteDiscovery) a page never loads the manifest-*.js file: the
 * HTML carries, inline, the manifest entries of the routes it shows, and the router asks
 * /__manifest (JSON) for the routes its links lead to. So each page counts that inline manifest,
 * gzipped on its own, not the whole manifest file.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

/** The leaf route of one page of each kind; the parents come from the manifest. */
export const PAGE_KINDS: { kind: string; route: string }[] = [
  { kind: 'landing', route: 'routes/_index' },
  { kind: 'sign in', route: 'routes/_auth.sign-in' },
  { kind: 'help', route: 'routes/help.$topic' },
  { kind: 'dashboard', route: 'routes/_portal.freelancer._index' },
  { kind: 'find work', route: 'routes/_browse.projects._index' },
  { kind: 'project', route: 'routes/_browse.projects_.$projectId._index' },
  { kind: 'new project', route: 'routes/_portal.projects_.new' },
  { kind: 'contract', route: 'routes/_portal.contracts_.$contractId._index' },
  { kind: 'conversation', route: 'routes/_portal.messages.$conversationId' },
  { kind: 'wallet', route: 'routes/_portal.wallet' },
  { kind: 'settings: passkeys', route: 'routes/_portal.settings.security.passkeys' },
  { kind: 'admin', route: 'routes/_portal.admin._index' },
  // Pages with charts: chart.js comes with import() after hydration, counted here all the same.
  { kind: 'analytics', route: 'routes/_portal.analytics' },
  { kind: 'admin analytics', route: 'routes/_portal.admin.analytics' },
  { kind: 'fraud desk', route: 'routes/_portal.admin.fraud._index' },
  { kind: 'market', route: 'routes/_browse.market' },
]

/** Pages allowed to carry call code (PeerJS, media); every other page must not grow because of it. */
export const CALL_PAGE_ROUTES = ['routes/_portal.calls.$callId.room']

type ManifestRoute = { id: string; parentId?: string; module: string; imports?: string[] }
type Manifest = { entry: { module: string; imports?: string[] }; routes: Record<string, ManifestRoute>; url?: string }

export type PageWeight = {
  kind: string
  route: string
  files: number
  gzipBytes: number
  rawBytes: number
  /** Of gzipBytes, the chunks only `import()` reaches: fetched after hydration (chart.js, PeerJS). */
  onDemandGzipBytes: number
}

function readManifest(buildDir: string): { manifest: Manifest; manifestFile: string } {
  const serverBuild = fs.readFileSync(path.join(buildDir, '..', '..', 'build', 'index.js'), 'utf8')
  const url = /url: "(\/build\/manifest-[A-Z0-9]+\.js)"/.exec(serverBuild)?.[1]
  if (!url) throw new Error('No manifest URL in build/index.js: run `npm run build` first.')
  const manifestFile = path.join(buildDir, url.replace(/^\/build\//, ''))
  const source = fs.readFileSync(manifestFile, 'utf8')
  const json = source.slice(source.indexOf('=') + 1).replace(/;\s*$/, '')
  return { manifest: JSON.parse(json) as Manifest, manifestFile }
}

/** `/build/x.js` → the file on disk. */
function fileOf(buildDir: string, url: string): string {
  return path.join(buildDir, url.replace(/^\/build\//, ''))
}

/**
 * Every module a set of modules reaches through static imports and `import()`; with `staticOnly`,
 * through static imports alone (what the page loads before it hydrates).
 */
function closure(buildDir: string, start: string[], { staticOnly = false } = {}): Set<string> {
  const seen = new Set<string>()
  const queue = [...start]
  while (queue.length) {
    const url = queue.pop()!
    if (seen.has(url)) continue
    seen.add(url)
    const source = fs.readFileSync(fileOf(buildDir, url), 'utf8')
    const dir = path.posix.dirname(url)
    // esbuild writes `from"./chunk-X.js"`, `import"./chunk-X.js"` and `import("./chunk-X.js")`.
    for (const match of source.matchAll(/(?:from|import)\s*(\(?)\s*"(\.{1,2}\/[^"]+\.js|\/build\/[^"]+\.js)"/g)) {
      if (staticOnly && match[1]) continue
      const target = match[2]!.startsWith('/') ? match[2]! : path.posix.join(dir, match[2]!)
      queue.push(target)
    }
  }
  return seen
}

function routeChain(manifest: Manifest, leaf: string): ManifestRoute[] {
  const chain: ManifestRoute[] = []
  for (let id: string | undefined = leaf; id; id = manifest.routes[id]?.parentId) {
    const route = manifest.routes[id]
    if (!route) throw new Error(`No route ${id} in the build manifest`)
    chain.unshift(route)
  }
  return chain
}

/** The modules one page loads, from the entry to its leaf route (`staticOnly`: before it hydrates). */
export function pageModules(buildDir: string, leaf: string, options: { staticOnly?: boolean } = {}): Set<string> {
  const { manifest } = readManifest(buildDir)
  const start = [manifest.entry.module, ...(manifest.entry.imports ?? [])]
  for (const route of routeChain(manifest, leaf)) start.push(route.module, ...(route.imports ?? []))
  return closure(buildDir, start, options)
}

/** Every route of the build, by the id the manifest gives it. */
export function routeIds(buildDir: string): string[] {
  return Object.keys(readManifest(buildDir).manifest.routes)
}

/**
 * The manifest a page's HTML carries inline (`window.__remixManifest`, as @remix-run/react's
 * getPartialManifest writes it): the whole manifest but only the routes of the page's chain
 * (Remix adds routes matching the path's parents too, a few entries more on nested URLs).
 */
function inlineManifest(manifest: Manifest, leaf: string): Buffer {
  const routes = Object.fromEntries(routeChain(manifest, leaf).map((route) => [route.id, route]))
  return Buffer.from(`window.__remixManifest = ${JSON.stringify({ ...manifest, routes }, null, 2)};`)
}

export function measurePage(buildDir: string, kind: string, route: string): PageWeight {
  const { manifest } = readManifest(buildDir)
  const atLoad = pageModules(buildDir, route, { staticOnly: true })
  const contents: { bytes: Buffer; onDemand: boolean }[] = [...pageModules(buildDir, route)].map((url) => ({
    bytes: fs.readFileSync(fileOf(buildDir, url)),
    onDemand: !atLoad.has(url),
  }))
  contents.push({ bytes: inlineManifest(manifest, route), onDemand: false })
  let gzipBytes = 0
  let rawBytes = 0
  let onDemandGzipBytes = 0
  for (const { bytes, onDemand } of contents) {
    const gzipped = zlib.gzipSync(bytes, { level: 6 }).length
    rawBytes += bytes.length
    gzipBytes += gzipped
    if (onDemand) onDemandGzipBytes += gzipped
  }
  return { kind, route, files: contents.length, gzipBytes, rawBytes, onDemandGzipBytes }
}

/** Every page kind, plus the call pages that exist in this build. */
export function measureJsWeight(buildDir = path.resolve('public/build')): PageWeight[] {
  const { manifest } = readManifest(buildDir)
  const callPages = CALL_PAGE_ROUTES.filter((route) => manifest.routes[route]).map((route) => ({
    kind: 'call room',
    route,
  }))
  return [...PAGE_KINDS, ...callPages].map(({ kind, route }) => measurePage(buildDir, kind, route))
}

/**
 * How much a page may grow over the baseline before it counts as grown: a form or a few links, not a
 * library.
 */
export const GROWTH_ALLOWANCE_BYTES = 4096

type Baseline = { measuredAt: string; pages: { kind: string; route: string; gzipBytes: number }[] }

export function readBaseline(file = path.resolve('bench/js-weight-baseline.json')): Baseline {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Baseline
}

/** Each page kind against the baseline; `grown` marks a non-call page past the allowance. */
export function compareWithBaseline(weights: PageWeight[], baseline: Baseline = readBaseline()) {
  return weights.map((weight) => {
    // By kind: a page keeps its kind when its route file moves (Find work moved to the public layout).
    const before = baseline.pages.find((page) => page.kind === weight.kind)?.gzipBytes ?? null
    const change = before === null ? null : weight.gzipBytes - before
    const grown = !CALL_PAGE_ROUTES.includes(weight.route) && change !== null && change > GROWTH_ALLOWANCE_BYTES
    return { ...weight, baselineGzipBytes: before, change, grown }
  })
}

/** The modules of a page whose source matches `pattern`. */
function modulesMatching(buildDir: string, leaf: string, pattern: RegExp): string[] {
  return [...pageModules(buildDir, leaf)].filter((url) => pattern.test(fs.readFileSync(fileOf(buildDir, url), 'utf8')))
}

/** The modules of a page that carry PeerJS. */
export function peerJsModules(buildDir: string, leaf: string): string[] {
  return modulesMatching(buildDir, leaf, /PeerJS|peerjs/)
}

/**
 * The modules of a page that carry zod (its error class names itself in the bundle). Forms are
 * validated on the server, so only call pages (the whiteboard checks strokes from other browsers)
 * should load it. A schema a page needs only in its loader or action belongs in a services/…-schemas.ts
 * module, not in the route file: esbuild drops the module, but not a schema built at a route's top level.
 */
export function zodModules(buildDir: string, leaf: string): string[] {
  return modulesMatching(buildDir, leaf, /ZodError/)
}
