/**
 * The JavaScript each kind of page makes a browser download, gzip-compressed as the server sends
 * it, read from the production build (`npm run build`): the client entry, the root and every route
 * module on the page's route chain, their shared chunks, and the chunks those load with `import()`
 * as the page starts (the call room loads PeerJS that way, so it is counted for the call room only).
 * That is a page's weight on load. Chunks fetched only when the reader reaches for something
 * (ON_INTENT_CHUNKS: chart.js, when a chart is touched) are measured and reported apart, never hidden.
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
  { kind: 'find talent', route: 'routes/_browse.freelancers._index' },
  { kind: 'project', route: 'routes/_browse.projects_.$projectId._index' },
  { kind: 'new project', route: 'routes/_portal.projects_.new' },
  { kind: 'contract', route: 'routes/_portal.contracts_.$contractId._index' },
  { kind: 'conversation', route: 'routes/_portal.messages.$conversationId' },
  { kind: 'wallet', route: 'routes/_portal.wallet' },
  { kind: 'settings: passkeys', route: 'routes/_portal.settings.security.passkeys' },
  { kind: 'admin', route: 'routes/_portal.admin._index' },
  // Pages with charts: chart.js comes with import() when a chart is touched, measured apart.
  { kind: 'analytics', route: 'routes/_portal.analytics' },
  { kind: 'admin analytics', route: 'routes/_portal.admin.analytics' },
  { kind: 'fraud desk', route: 'routes/_portal.admin.fraud._index' },
  { kind: 'market', route: 'routes/_browse.market' },
]

/**
 * Chunks a page fetches with `import()` only when the reader reaches for something, by the file name
 * esbuild gives the imported module. What they (and only they) bring is reported apart from the page's
 * weight on load, under this label.
 */
export const ON_INTENT_CHUNKS: { label: string; file: RegExp }[] = [
  // app/components/charts/chart-on-intent.ts: the pointer enters a chart, it is tapped or focused.
  { label: 'chart.js, loaded when a chart is touched', file: /\/chart-runtime-[A-Z0-9]+\.js$/ },
]

/** Pages allowed to carry call code (PeerJS, media); every other page must not grow because of it. */
export const CALL_PAGE_ROUTES = ['routes/_portal.calls.$callId.room']

type ManifestRoute = { id: string; parentId?: string; module: string; imports?: string[] }
type Manifest = { entry: { module: string; imports?: string[] }; routes: Record<string, ManifestRoute>; url?: string }

export type PageWeight = {
  kind: string
  route: string
  /** Files fetched on load (the inline manifest counts as one). */
  files: number
  /** The page's JavaScript on load: before it hydrates and the `import()` it makes as it starts. */
  gzipBytes: number
  rawBytes: number
  /** Of gzipBytes, the chunks only `import()` reaches, fetched after hydration (PeerJS in the call room). */
  afterHydrationGzipBytes: number
  /** Not in gzipBytes: what the page fetches only on the reader's intent, per ON_INTENT_CHUNKS label. */
  onIntent: { label: string; gzipBytes: number; files: number }[]
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
 * through static imports alone (what the page loads before it hydrates); with `skip`, not through
 * the `import()`s of the modules it names.
 */
function closure(
  buildDir: string,
  start: string[],
  { staticOnly = false, skip = () => false }: { staticOnly?: boolean; skip?: (url: string) => boolean } = {},
): Set<string> {
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
      const dynamic = Boolean(match[1])
      if (dynamic && staticOnly) continue
      const target = match[2]!.startsWith('/') ? match[2]! : path.posix.join(dir, match[2]!)
      if (dynamic && skip(target)) continue
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

/** Where one page's modules start: the entry and every route module of its chain. */
function pageStart(manifest: Manifest, leaf: string): string[] {
  const start = [manifest.entry.module, ...(manifest.entry.imports ?? [])]
  for (const route of routeChain(manifest, leaf)) start.push(route.module, ...(route.imports ?? []))
  return start
}

const onIntentLabel = (url: string) => ON_INTENT_CHUNKS.find((chunk) => chunk.file.test(url))?.label

/** Every module one page can load: on load, after hydration and on intent. */
export function pageModules(buildDir: string, leaf: string): Set<string> {
  return closure(buildDir, pageStart(readManifest(buildDir).manifest, leaf))
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
  const start = pageStart(manifest, route)
  const beforeHydration = closure(buildDir, start, { staticOnly: true })
  const onLoad = closure(buildDir, start, { skip: (url) => onIntentLabel(url) !== undefined })
  const gzip = (bytes: Buffer) => zlib.gzipSync(bytes, { level: 6 }).length
  const loaded: { url: string; bytes: Buffer }[] = [...onLoad].map((url) => ({
    url,
    bytes: fs.readFileSync(fileOf(buildDir, url)),
  }))
  loaded.push({ url: 'inline manifest', bytes: inlineManifest(manifest, route) })
  let gzipBytes = 0
  let rawBytes = 0
  let afterHydrationGzipBytes = 0
  for (const { url, bytes } of loaded) {
    const gzipped = gzip(bytes)
    rawBytes += bytes.length
    gzipBytes += gzipped
    if (url !== 'inline manifest' && !beforeHydration.has(url)) afterHydrationGzipBytes += gzipped
  }
  // Each on-intent chunk with what it brings beyond the page's load (a module two of them share
  // counts for the first).
  const counted = new Set(onLoad)
  const onIntent = new Map<string, { label: string; gzipBytes: number; files: number }>()
  for (const url of closure(buildDir, start)) {
    const label = onIntentLabel(url)
    if (!label || counted.has(url)) continue
    const entry = onIntent.get(label) ?? { label, gzipBytes: 0, files: 0 }
    for (const module of closure(buildDir, [url])) {
      if (counted.has(module)) continue
      counted.add(module)
      entry.gzipBytes += gzip(fs.readFileSync(fileOf(buildDir, module)))
      entry.files += 1
    }
    onIntent.set(label, entry)
  }
  return {
    kind,
    route,
    files: loaded.length,
    gzipBytes,
    rawBytes,
    afterHydrationGzipBytes,
    onIntent: [...onIntent.values()],
  }
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
