/**
 * In-process CPU per request of the floor and the two dashboards: the built app's Remix handler
 * (no Express, no HTTP) on a seeded copy of the demo data, in alternating blocks so that load on
 * the machine blurs all three alike. Prints the median CPU ms per request of each target, and the
 * dashboards' cost beyond the floor.
 *
 *   npx remix build && tsx bench/portal-cost.ts
 *
 * Environment: PORTAL_COST_DB (a seeded database to copy; default: seed a fresh one),
 * PORTAL_COST_ROUNDS (default 9), PORTAL_COST_REQUESTS (per block, default 200),
 * PORTAL_COST_TARGETS (default floor,client,freelancer; any path also works, e.g. /notifications@client).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Profiler } from 'node:inspector'
import { pathToFileURL } from 'node:url'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'megilance-portal-cost-'))
const database = path.join(tmp, 'bench.db')
Object.assign(process.env, {
  NODE_ENV: 'production',
  DEMO: 'true',
  DATABASE_PATH: database,
  SESSION_SECRET: 'bench-only-session-secret-0123456789abcdef',
  LOG_LEVEL: 'warn',
  ENABLE_BENCH_ROUTES: 'true',
  DISABLED_JOBS: '*',
  SMTP_URL: '',
  TRUST_PROXY: '',
  COOKIE_SECURE: '',
  APP_URL: '',
})
if (process.env.PORTAL_COST_DB) fs.copyFileSync(process.env.PORTAL_COST_DB, database)
else {
  const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts'], { stdio: 'inherit' })
  if (seeded.status !== 0) throw new Error('seeding failed')
}

const { createRequestHandler, installGlobals } = await import('@remix-run/node')
installGlobals({ nativeFetch: true })
const { cacheRouteMatching } = await import('../server/route-match-cache')
// As server/observability.ts does: a GET's loaders share one session lookup (memoInRequest).
const { runWithRequestId } = await import('../app/utils/request-context.server')
cacheRouteMatching()
if (!process.env.PORTAL_COST_NO_TREE_CACHE) (await import('../server/route-tree-cache')).cacheRouteTrees()
;(await import('../server/loader-request')).shareRequestWithLoaders()
// PORTAL_COST_BUILDS=build/a.js,build/b.js compares builds in the same process, block by block.
const buildFiles = (process.env.PORTAL_COST_BUILDS ?? 'build/index.js').split(',')
const { menuFrameFinder } = await import('../server/menu-frame')
type Handle = (request: Request) => Promise<Response>
const handlers: { name: string; handle: Handle }[] = []
for (const file of buildFiles) {
  const build = await import(pathToFileURL(path.resolve(file)).href)
  const remix = createRequestHandler(build, 'production')
  // The load context server/app.ts gives: the nonce, the address, the request id, the page's menu frame.
  const menuFrameOf = menuFrameFinder(build)
  handlers.push({
    name: path.basename(file, '.js'),
    handle: (request) => {
      const url = new URL(request.url)
      return remix(request, { ...context(), menuFrame: menuFrameOf(`${url.pathname}${url.search}`) })
    },
  })
}
const handle = handlers[0]!.handle

const BROWSER_HEADERS = {
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-language': 'en-GB,en;q=0.5',
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
}
const BASE = 'http://127.0.0.1:3000'
const context = () => ({ cspNonce: 'bench-nonce', clientIp: '127.0.0.1', requestId: 'bench' })

async function signIn(email: string): Promise<string> {
  const response = await handle(
    new Request(`${BASE}/sign-in`, {
      method: 'POST',
      headers: { ...BROWSER_HEADERS, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password: 'MegiLance-demo-2026' }),
    }),
  )
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => /^(?:__Host-session|__session)=/.test(c))
  if (!cookie) throw new Error(`sign-in as ${email} answered ${response.status}`)
  return cookie
}

const ACCOUNTS: Record<string, string> = { client: 'client@megilance.test', freelancer: 'freelancer@megilance.test' }
const NAMED: Record<string, string> = {
  floor: '/bench/floor',
  client: '/client@client',
  freelancer: '/freelancer@freelancer',
}
const names = (process.env.PORTAL_COST_TARGETS ?? 'floor,client,freelancer').split(',')
const targets: { name: string; url: string; headers: Record<string, string> }[] = []
for (const name of names) {
  const [pathname, account] = (NAMED[name] ?? name).split('@')
  const headers: Record<string, string> = { ...BROWSER_HEADERS }
  if (account) headers.cookie = await signIn(ACCOUNTS[account] ?? account)
  targets.push({ name, url: `${BASE}${pathname}`, headers })
}

async function once(target: (typeof targets)[number], through = handle): Promise<number> {
  const response = await runWithRequestId(
    'bench',
    () => through(new Request(target.url, { headers: target.headers })),
    true,
    // The address, as server/observability.ts gives it: the session's IP checks run as in production.
    '127.0.0.1',
  )
  const body = await response.text()
  if (response.status !== 200) throw new Error(`${target.url} answered ${response.status}`)
  return body.length
}

const rounds = Number(process.env.PORTAL_COST_ROUNDS ?? 9)
const perBlock = Number(process.env.PORTAL_COST_REQUESTS ?? 200)
const cells = handlers.flatMap((h) => targets.map((t) => ({ build: h, target: t, key: `${h.name} ${t.name}` })))
const samples = new Map<string, number[]>(cells.map((c) => [c.key, []]))
const sizes = new Map<string, number>()
for (const cell of cells)
  for (let i = 0; i < 100; i += 1) sizes.set(cell.key, await once(cell.target, cell.build.handle))
const loadBefore = os.loadavg()[0]!
// PORTAL_COST_PROFILE=file.cpuprofile: a CPU profile of the measured blocks, and beside it one per build and
// target (file.<build>.<target>.cpuprofile), cut from it by the blocks' times, so that targets are compared
// under the same load.
const profileTo = process.env.PORTAL_COST_PROFILE
const { Session } = await import('node:inspector/promises')
const inspector = new Session()
// PORTAL_COST_PROMOTED=file.json: where the objects that outlive young-generation collections (and so
// are copied to the old generation, then die there) were allocated: a sampling heap profile that keeps
// objects collected by major GCs but not those collected by scavenges.
const promotedTo = process.env.PORTAL_COST_PROMOTED
if (promotedTo) {
  inspector.connect()
  await inspector.post('HeapProfiler.enable')
  await inspector.post('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: false,
  })
}
if (profileTo) {
  inspector.connect()
  await inspector.post('Profiler.enable')
  await inspector.post('Profiler.setSamplingInterval', { interval: 100 })
  await inspector.post('Profiler.start')
}
// Garbage collection inside each block, in ms per request: the part of a target's cost that depends on
// how much it allocates and on the heap's settings (e.g. NODE_OPTIONS=--max-semi-space-size=…).
const { PerformanceObserver } = await import('node:perf_hooks')
let gcMs = 0
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration
})
gcObserver.observe({ entryTypes: ['gc'] })
const gcSamples = new Map<string, number[]>(cells.map((c) => [c.key, []]))
/** Each measured block's cell and its span on the monotonic clock, in microseconds as profiles count. */
const blocks: { key: string; from: number; to: number }[] = []
const microseconds = () => Number(process.hrtime.bigint() / 1000n)
for (let round = 0; round < rounds; round += 1) {
  // Each round in its own order, so that a build or target is not always measured after the same one.
  const order = round % 2 ? [...cells].reverse() : cells
  for (const cell of order) {
    const from = microseconds()
    const before = process.cpuUsage()
    const gcBefore = gcMs
    for (let i = 0; i < perBlock; i += 1) await once(cell.target, cell.build.handle)
    const used = process.cpuUsage(before)
    // Entries arrive after the pause that made them: let the last block's be counted.
    await new Promise((resolve) => setImmediate(resolve))
    gcSamples.get(cell.key)!.push((gcMs - gcBefore) / perBlock)
    // PORTAL_COST_TRACE=1: every block's cost and the heap after it, to see a cost or the heap grow over time
    // (with NODE_OPTIONS=--expose-gc, the heap still held after a full collection).
    if (process.env.PORTAL_COST_TRACE) (globalThis as { gc?: () => void }).gc?.()
    if (process.env.PORTAL_COST_TRACE)
      console.log(
        `${cell.key} round ${round + 1}: ${((used.user + used.system) / 1000 / perBlock).toFixed(3)} ms CPU/req, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1)} MB`,
      )
    blocks.push({ key: cell.key, from, to: microseconds() })
    samples.get(cell.key)!.push((used.user + used.system) / 1000 / perBlock)
  }
}
if (promotedTo) {
  const { profile } = await inspector.post('HeapProfiler.stopSampling')
  fs.writeFileSync(promotedTo, JSON.stringify(profile))
}
if (profileTo) {
  const { profile } = await inspector.post('Profiler.stop')
  fs.writeFileSync(profileTo, JSON.stringify(profile))
  for (const cell of cells)
    writeProfileOf(profile, cell.key, profileTo.replace(/\.cpuprofile$/, `.${cell.key.replace(' ', '.')}.cpuprofile`))
}

/** The samples of one cell's blocks only; the time between them goes to "(idle)"-free gaps by dropping them. */
function writeProfileOf(profile: Profiler.Profile, key: string, file: string) {
  const spans = blocks.filter((block) => block.key === key)
  const kept: { sample: number; delta: number }[] = []
  let time = profile.startTime
  profile.samples!.forEach((sample, i) => {
    time += profile.timeDeltas![i]!
    if (spans.some((span) => time >= span.from && time <= span.to))
      kept.push({ sample, delta: profile.timeDeltas![i]! })
  })
  const cut = { ...profile, samples: kept.map((k) => k.sample), timeDeltas: kept.map((k) => k.delta) }
  fs.writeFileSync(file, JSON.stringify(cut))
}
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}
console.log(`load average ${loadBefore.toFixed(2)} -> ${os.loadavg()[0]!.toFixed(2)}; ${rounds} rounds x ${perBlock}`)
const first = targets[0]!.name
for (const cell of cells) {
  const values = samples.get(cell.key)!
  const base = samples.get(`${cell.build.name} ${first}`)!
  // Paired by round: the cost beyond the first target of the same build, measured side by side.
  const beyond = median(values.map((v, i) => v - base[i]!))
  const ratio = median(values.map((v, i) => base[i]! / v))
  console.log(
    `${cell.key.padEnd(34)} median ${median(values).toFixed(3)} ms CPU/req (min ${Math.min(...values).toFixed(3)})  beyond ${first} ${beyond.toFixed(3)}  ratio ${ratio.toFixed(2)}  gc ${median(gcSamples.get(cell.key)!).toFixed(3)}  html ${sizes.get(cell.key)} B`,
  )
}
if (handlers.length > 1) {
  for (const target of targets) {
    const base = samples.get(`${handlers[0]!.name} ${target.name}`)!
    for (const h of handlers.slice(1)) {
      const values = samples.get(`${h.name} ${target.name}`)!
      const diffs = values.map((v, i) => v - base[i]!)
      const lower = diffs.filter((d) => d < 0).length
      console.log(
        `${target.name}: ${h.name} - ${handlers[0]!.name} = ${median(diffs).toFixed(3)} ms (median of paired rounds; lower in ${lower}/${diffs.length})`,
      )
    }
  }
}
// PORTAL_COST_HEAP_SNAPSHOT=file.heapsnapshot: what the process holds after the measured requests.
if (process.env.PORTAL_COST_HEAP_SNAPSHOT) {
  const v8 = await import('node:v8')
  for (const space of v8.getHeapSpaceStatistics())
    console.log(`${space.space_name.padEnd(28)} used ${(space.space_used_size / 2 ** 20).toFixed(1)} MB`)
  v8.writeHeapSnapshot(process.env.PORTAL_COST_HEAP_SNAPSHOT)
}
fs.rmSync(tmp, { recursive: true, force: true })
process.exit(0)
