/**
 * `npm run bench`: requests/s and latency of a few pages, all served by one production server.
 *
 * Seeds a fresh demo database in a temporary folder, starts `server/index.ts` on a free port,
 * signs in, then loads each target in turn with autocannon. The floor (/bench/floor, the root
 * layout with nothing in it) is what Remix + Express cost on this machine; the other pages are
 * to be read against it. Prints a table, writes bench/results/latest.json, and exits 1 if any
 * response was not a 2xx or any request failed.
 *
 * Settings (environment):
 *   BENCH_DURATION     seconds measured per target (default 10)
 *   BENCH_CONNECTIONS  concurrent connections (default 10)
 *   BENCH_TARGETS      comma-separated subset of: floor, landing, client, freelancer, search, talent
 *                      (default floor,landing,client,freelancer, plus search and talent when their database exists)
 *   BENCH_ROUNDS       rounds of the page targets, each in the opposite order of the one before (default 5;
 *                      ratios are to the same round's floor, and their median is reported: one round's floor
 *                      moved by up to 20 % on this machine, so three rounds could fall either side of a target)
 *   BENCH_WORKERS_TARGET  the page measured again with 2 web workers (default client; "none" skips it)
 *
 * The page rounds run one web worker (WEB_WORKERS=1), so a ratio to the floor is per process;
 * then the server restarts with two and the workers target is loaded for as many rounds again (their
 * median against the one-worker median). At the end the
 * figures of issue 20 item 6 are printed against their targets (bench/figures.ts).
 *
 * Search (issue 3): on a copy of BENCH_SEARCH_DB (default data/large.db, built by
 * `npm run seed:large`) it first times searchProjects() in-process (bench/search-query.ts: server
 * time per query shape, warm and cold; BENCH_SEARCH_CASES, default 1,2), then starts a second server on that copy and loads
 * /projects?q=react+dashboard&skill=React&type=fixed signed in as the demo freelancer, with
 * BENCH_SEARCH_CONNECTIONS connections (default 1, so latency ≈ server time, not queueing).
 *
 * Talent search: on the same server and copy, /freelancers signed in as the demo client, each
 * connection going round four searches in turn (no words, a word, a skill, a rate range), so the
 * p95 is of the mix.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { compareWithBaseline, measureJsWeight } from './js-weight'
import { processTreeCpuMs } from './process-cpu'
import { runFraudBench } from './fraud-detectors'
import { runAnalyticsPagesBench } from './analytics-pages'
import { runRecommendationsBench } from './recommendations'
import { dashboardRatios, jsWeightFigures, printFigures, searchFigures, talentFigures, workerFigures } from './figures'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const RESULTS_FILE = path.join(ROOT, 'bench', 'results', 'latest.json')
const DEMO_PASSWORD = 'MegiLance-demo-2026'
const WARMUP_SECONDS = 2

type TargetName = 'floor' | 'landing' | 'client' | 'freelancer' | 'search' | 'talent'
/** `mix`: paths each connection requests in turn (the first is `path`), measured as one target. */
type Target = { name: TargetName; label: string; path: string; account?: string; mix?: string[] }

const TARGETS: Target[] = [
  { name: 'floor', label: 'floor (bare Remix page)', path: '/bench/floor' },
  { name: 'landing', label: 'landing page', path: '/' },
  { name: 'client', label: 'client dashboard', path: '/client', account: 'client@megilance.test' },
  { name: 'freelancer', label: 'freelancer dashboard', path: '/freelancer', account: 'freelancer@megilance.test' },
  {
    name: 'search',
    label: 'find work, 2 words + 2 facets (large DB)',
    path: '/projects?q=react+dashboard&skill=React&type=fixed',
    account: 'freelancer@megilance.test',
  },
  {
    name: 'talent',
    label: 'find talent, 4 searches in turn (large DB)',
    path: '/freelancers',
    account: 'client@megilance.test',
    mix: ['/freelancers', '/freelancers?q=react', '/freelancers?skill=React', '/freelancers?min=20&max=60'],
  },
]

/** The targets served from a copy of the large seed rather than the fresh demo database. */
const LARGE_DB_TARGETS: readonly TargetName[] = ['search', 'talent']

const SEARCH_DB = path.resolve(ROOT, process.env.BENCH_SEARCH_DB ?? 'data/large.db')

// What a browser sends, so compression and the non-bot rendering path are measured too.
const BROWSER_HEADERS = {
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-encoding': 'gzip, deflate, br',
  'accept-language': 'en-GB,en;q=0.5',
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
}

type TargetResult = {
  target: TargetName
  /** 1, 2, …: a page round with one web worker; -1, -2, …: a round of the workers target with two. */
  round: number
  label: string
  path: string
  requestsPerSecond: { mean: number; stddev: number }
  latencyMs: { mean: number; p50: number; p95: number; p99: number; max: number }
  requests: number
  /** CPU time of the server (primary and workers) per measured request; null without /proc. */
  cpuMsPerRequest: number | null
  bytesPerResponse: number
  non2xx: number
  statusCodes: Record<string, number>
  errors: number
  timeouts: number
}

function positiveIntFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"`)
  return value
}

function targetsFromEnv(): Target[] {
  const raw = process.env.BENCH_TARGETS
  if (!raw) {
    const hasSearchDb = fs.existsSync(SEARCH_DB)
    if (!hasSearchDb)
      console.warn(
        `No ${path.relative(ROOT, SEARCH_DB)}: the search is not measured (run \`npm run seed:large\` first).`,
      )
    return TARGETS.filter((t) => !LARGE_DB_TARGETS.includes(t.name) || hasSearchDb)
  }
  const names = raw
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  const unknown = names.filter((name) => !TARGETS.some((t) => t.name === name))
  if (unknown.length || !names.length) {
    throw new Error(
      `BENCH_TARGETS: unknown ${unknown.join(', ') || '(empty)'}; choose from ${TARGETS.map((t) => t.name).join(', ')}`,
    )
  }
  return TARGETS.filter((t) => names.includes(t.name))
}

/** A port nobody is listening on, chosen by the OS. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.unref()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The last lines a child printed, shown only when something goes wrong. */
class Tail {
  private lines: string[] = []
  constructor(private readonly max = 40) {}
  push(chunk: Buffer) {
    this.lines.push(...chunk.toString().split('\n').filter(Boolean))
    if (this.lines.length > this.max) this.lines.splice(0, this.lines.length - this.max)
  }
  toString() {
    return this.lines.join('\n')
  }
}

function runTsx(script: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
}

async function seed(env: NodeJS.ProcessEnv) {
  const child = runTsx('scripts/seed.ts', env)
  const tail = new Tail()
  child.stdout?.on('data', (c: Buffer) => tail.push(c))
  child.stderr?.on('data', (c: Buffer) => tail.push(c))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  if (code !== 0) throw new Error(`Seeding failed (exit ${code}):\n${tail}`)
}

async function waitForHealth(base: string, server: ChildProcess, tail: Tail, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}:\n${tail}`)
    try {
      const response = await fetch(`${base}/healthz`)
      if (response.status === 200) return
    } catch {
      // not listening yet
    }
    await sleep(100)
  }
  throw new Error(`GET /healthz did not answer 200 within ${timeoutMs / 1000} s:\n${tail}`)
}

/** Signs in through the real form and returns the session cookie's `name=value` pair for the Cookie header. */
async function signIn(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/sign-in`, {
    method: 'POST',
    headers: { ...BROWSER_HEADERS, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
    redirect: 'manual',
  })
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] ?? '')
    .find((pair) => /^(?:__Host-session|__session)=/.test(pair))
  if (response.status !== 302 || !session) {
    throw new Error(`Signing in as ${email} answered ${response.status} ${session ? '' : 'without a session cookie'}`)
  }
  return session
}

/** One plain request per path, to be sure the target is what we think it is before loading it. */
async function check(base: string, target: Target, headers: Record<string, string>) {
  for (const path of target.mix ?? [target.path]) {
    const response = await fetch(`${base}${path}`, { headers, redirect: 'manual' })
    await response.arrayBuffer()
    if (response.status !== 200) {
      const where = response.headers.get('location')
      throw new Error(`GET ${path} answered ${response.status}${where ? ` → ${where}` : ''}; expected 200`)
    }
  }
}

function cannon(options: autocannon.Options, onLatency?: (statusCode: number, ms: number) => void) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, result: autocannon.Result) =>
      error ? reject(error) : resolve(result),
    )
    if (onLatency) instance.on('response', (_client, statusCode, _bytes, ms) => onLatency(statusCode, ms))
  })
}

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted: Float64Array, p: number): number {
  if (!sorted.length) return NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN
}

async function measure(
  base: string,
  target: Target,
  headers: Record<string, string>,
  connections: number,
  duration: number,
  round: number,
  serverPid: number | undefined,
): Promise<TargetResult> {
  const url = `${base}${target.path}`
  // autocannon sends these in turn on each connection, round and round.
  const requests = target.mix?.map((path) => ({ method: 'GET' as const, path }))
  // Warm-up: JIT, caches and the connection pool, not measured.
  await cannon({ url, headers, connections, duration: WARMUP_SECONDS, requests })

  // autocannon's histogram has no p95 and rounds to whole ms, so every 2xx latency is kept here.
  const latencies: number[] = []
  const cpuBefore = processTreeCpuMs(serverPid)
  const result = await cannon({ url, headers, connections, duration, requests }, (status, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms)
  })
  const cpuAfter = processTreeCpuMs(serverPid)
  const sorted = Float64Array.from(latencies).sort()
  const mean = sorted.reduce((sum, v) => sum + v, 0) / (sorted.length || 1)
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]),
  )
  return {
    target: target.name,
    round,
    label: target.label,
    path: target.mix ? `${target.path} (${target.mix.length} in turn)` : target.path,
    requestsPerSecond: { mean: result.requests.mean, stddev: result.requests.stddev },
    latencyMs: {
      mean,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1] ?? NaN,
    },
    requests: result.requests.total,
    cpuMsPerRequest:
      cpuBefore !== null && cpuAfter !== null && result.requests.total
        ? (cpuAfter - cpuBefore) / result.requests.total
        : null,
    bytesPerResponse: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
    non2xx: result.non2xx,
    statusCodes,
    errors: result.errors,
    timeouts: result.timeouts,
  }
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '-')

function printTable(results: TargetResult[]) {
  const rows = [
    [
      'target',
      'round',
      'path',
      'req/s',
      '±',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'cpu ms/req',
      'requests',
      'non-2xx',
      'errors',
    ],
    ...results.map((r) => [
      r.label,
      r.round > 0 ? String(r.round) : `2 workers, ${-r.round}`,
      r.path,
      r.requestsPerSecond.mean.toFixed(1),
      r.requestsPerSecond.stddev.toFixed(1),
      ms(r.latencyMs.p50),
      ms(r.latencyMs.p95),
      ms(r.latencyMs.p99),
      r.cpuMsPerRequest === null ? '-' : r.cpuMsPerRequest.toFixed(2),
      String(r.requests),
      String(r.non2xx),
      String(r.errors),
    ]),
  ]
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)))
  const line = (row: string[]) =>
    row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')
  console.log(line(rows[0]!))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const row of rows.slice(1)) console.log(line(row))
}

function printJsWeight(pages: ReturnType<typeof compareWithBaseline>) {
  const kb = (bytes: number) => (bytes / 1024).toFixed(1)
  console.log('\nJavaScript per page kind on load (gzip, from the build; baseline: bench/js-weight-baseline.json)')
  console.log('page kind            KB gzip   of which after hydration   files   vs baseline')
  for (const page of pages) {
    const change = page.change === null ? 'new' : `${page.change >= 0 ? '+' : ''}${kb(page.change)} KB`
    const later = page.afterHydrationGzipBytes ? `${kb(page.afterHydrationGzipBytes)} (import())` : '-'
    console.log(
      `${page.kind.padEnd(20)} ${kb(page.gzipBytes).padStart(8)}   ${later.padStart(24)} ${String(page.files).padStart(7)}   ${change}`,
    )
  }
  // Fetched only when the reader reaches for it: not in the figures above, never left out of the report.
  const onIntent = new Map<string, { gzipBytes: number; kinds: string[] }>()
  for (const page of pages)
    for (const chunk of page.onIntent) {
      const entry = onIntent.get(chunk.label) ?? { gzipBytes: chunk.gzipBytes, kinds: [] }
      entry.gzipBytes = Math.max(entry.gzipBytes, chunk.gzipBytes)
      entry.kinds.push(page.kind)
      onIntent.set(chunk.label, entry)
    }
  for (const [label, { gzipBytes, kinds }] of onIntent)
    console.log(`Not on load: ${label}: ${kb(gzipBytes)} KB gzip (${kinds.join(', ')})`)
}

function gitDescription(): { commit: string | null; dirty: boolean | null } {
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' })
  if (head.status !== 0) return { commit: null, dirty: null }
  const status = spawnSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' })
  return { commit: head.stdout.trim(), dirty: status.status === 0 ? status.stdout.trim() !== '' : null }
}

async function stop(server: ChildProcess | undefined) {
  if (!server || server.exitCode !== null || server.signalCode !== null) return
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()))
  server.kill('SIGTERM')
  const timer = setTimeout(() => server.kill('SIGKILL'), 5_000)
  await exited
  clearTimeout(timer)
}

async function main(): Promise<number> {
  const duration = positiveIntFromEnv('BENCH_DURATION', 10)
  const connections = positiveIntFromEnv('BENCH_CONNECTIONS', 10)
  const targets = targetsFromEnv()
  const rounds = positiveIntFromEnv('BENCH_ROUNDS', 5)
  let twoWorkersRps: number | null = null
  const loadAtStart = os.loadavg()[0] ?? 0
  if (loadAtStart > os.cpus().length / 2) {
    console.warn(
      `Warning: load average ${loadAtStart.toFixed(2)} on ${os.cpus().length} CPUs; other work will lower and blur the figures.`,
    )
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'megilance-bench-'))
  let server: ChildProcess | undefined
  const cleanUp = async () => {
    await stop(server)
    fs.rmSync(tmp, { recursive: true, force: true })
  }
  const onSignal = (signal: NodeJS.Signals) => {
    void cleanUp().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143))
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  try {
    const results: TargetResult[] = []
    let tail = new Tail()
    const pageTargets = targets.filter((t) => !LARGE_DB_TARGETS.includes(t.name))
    const largeTargets = targets.filter((t) => LARGE_DB_TARGETS.includes(t.name))
    const searchTarget = targets.find((t) => t.name === 'search')
    let searchDirect: unknown = null
    if (pageTargets.length) {
      const port = await freePort()
      const base = `http://127.0.0.1:${port}`
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        NODE_ENV: 'production',
        // The seeded demo data: a production start refuses it without DEMO.
        DEMO: 'true',
        PORT: String(port),
        DATABASE_PATH: path.join(tmp, 'bench.db'),
        SESSION_SECRET: 'bench-only-session-secret-0123456789abcdef',
        LOG_LEVEL: 'warn',
        RATE_LIMIT_PER_MINUTE: '10000000',
        AUTH_RATE_LIMIT_PER_15_MINUTES: '10000',
        ENABLE_BENCH_ROUTES: 'true',
        WEB_WORKERS: '1',
        // Every job runs once at start-up; on the large seed the matching refit alone holds the only
        // worker for minutes (no model fitted yet), so the bench's servers run no jobs.
        DISABLED_JOBS: '*',
        // Keep a developer's own settings (SMTP, proxy trust, secure cookies…) out of the figures.
        SMTP_URL: '',
        TRUST_PROXY: '',
        COOKIE_SECURE: '',
        APP_URL: '',
      }

      console.log(`Seeding a fresh database in ${tmp} …`)
      await seed(env)

      console.log(`Starting the production server on port ${port} …`)
      tail = new Tail()
      server = runTsx('server/index.ts', env)
      server.stdout?.on('data', (c: Buffer) => tail.push(c))
      server.stderr?.on('data', (c: Buffer) => tail.push(c))
      await waitForHealth(base, server, tail, 300_000)

      const headersFor = new Map<TargetName, Record<string, string>>()
      for (const target of pageTargets) {
        const headers: Record<string, string> = { ...BROWSER_HEADERS }
        if (target.account) headers.cookie = await signIn(base, target.account)
        await check(base, target, headers)
        headersFor.set(target.name, headers)
      }

      console.log(
        `Measuring ${pageTargets.map((t) => t.name).join(', ')} in ${rounds} alternating rounds, one web worker: ${connections} connections, ${WARMUP_SECONDS} s warm-up + ${duration} s each …`,
      )
      for (let round = 1; round <= rounds; round += 1) {
        // Each round in the opposite order of the one before (floor first, then floor last), so that a
        // drift during the run does not always fall on the same target of a ratio.
        for (const target of round % 2 ? pageTargets : [...pageTargets].reverse()) {
          console.log(`  round ${round}: ${target.label} (${target.path})`)
          results.push(
            await measure(base, target, headersFor.get(target.name)!, connections, duration, round, server.pid),
          )
        }
      }
      if (server.exitCode !== null) throw new Error(`The server exited during the run:\n${tail}`)
      await stop(server)
      server = undefined

      const workersTarget = pageTargets.find((t) => t.name === (process.env.BENCH_WORKERS_TARGET ?? 'client'))
      if (workersTarget) {
        console.log(`Restarting with 2 web workers: ${workersTarget.label} in ${rounds} rounds …`)
        tail = new Tail()
        server = runTsx('server/index.ts', { ...env, WEB_WORKERS: '2' })
        server.stdout?.on('data', (c: Buffer) => tail.push(c))
        server.stderr?.on('data', (c: Buffer) => tail.push(c))
        await waitForHealth(base, server, tail, 300_000)
        const headers: Record<string, string> = { ...BROWSER_HEADERS }
        if (workersTarget.account) headers.cookie = await signIn(base, workersTarget.account)
        await check(base, workersTarget, headers)
        // As many rounds as one worker had, and their median: two fresh workers each warm up their own
        // JIT on half the requests, so a single round compared cold workers with a warmed one.
        const twoWorkerRounds: number[] = []
        for (let round = 1; round <= rounds; round += 1) {
          const twoWorkers = await measure(base, workersTarget, headers, connections, duration, -round, server.pid)
          results.push(twoWorkers)
          twoWorkerRounds.push(twoWorkers.requestsPerSecond.mean)
        }
        twoWorkersRps = twoWorkerRounds.sort((a, b) => a - b)[Math.floor(twoWorkerRounds.length / 2)]!
        await stop(server)
        server = undefined
      }
    }

    if (largeTargets.length) {
      if (!fs.existsSync(SEARCH_DB))
        throw new Error(`No ${SEARCH_DB}: run \`npm run seed:large\` first (or set BENCH_SEARCH_DB).`)
      // A copy, so sign-ins and sessions never touch the seeded file.
      const db = path.join(tmp, 'search.db')
      fs.copyFileSync(SEARCH_DB, db)
      if (fs.existsSync(`${SEARCH_DB}-wal`)) fs.copyFileSync(`${SEARCH_DB}-wal`, `${db}-wal`)
      const port = await freePort()
      const base = `http://127.0.0.1:${port}`
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        NODE_ENV: 'production',
        DEMO: 'true',
        PORT: String(port),
        DATABASE_PATH: db,
        SESSION_SECRET: 'bench-only-session-secret-0123456789abcdef',
        LOG_LEVEL: 'warn',
        RATE_LIMIT_PER_MINUTE: '10000000',
        AUTH_RATE_LIMIT_PER_15_MINUTES: '10000',
        SMTP_URL: '',
        TRUST_PROXY: '',
        COOKIE_SECURE: '',
        APP_URL: '',
        WEB_WORKERS: '1',
        DISABLED_JOBS: '*',
      }
      if (searchTarget) {
        console.log(`\nSearch on a copy of ${path.relative(ROOT, SEARCH_DB)}: searchProjects() in-process …`)
        const jsonFile = path.join(tmp, 'search-direct.json')
        // The two-word, two-facet case (the ≤ 20 ms target) and its time-filtered sibling, unless told otherwise.
        const direct = runTsx('bench/search-query.ts', {
          ...env,
          BENCH_SEARCH_JSON: jsonFile,
          BENCH_SEARCH_CASES: process.env.BENCH_SEARCH_CASES ?? '1,2',
        })
        direct.stdout?.pipe(process.stdout)
        direct.stderr?.pipe(process.stderr)
        const code = await new Promise<number | null>((resolve) => direct.once('exit', resolve))
        if (code !== 0) throw new Error(`bench/search-query.ts failed (exit ${code})`)
        searchDirect = JSON.parse(fs.readFileSync(jsonFile, 'utf8'))
      }

      const searchConnections = positiveIntFromEnv('BENCH_SEARCH_CONNECTIONS', 1)
      console.log(`\nStarting the production server on the copy, port ${port} …`)
      tail = new Tail()
      server = runTsx('server/index.ts', env)
      server.stdout?.on('data', (c: Buffer) => tail.push(c))
      server.stderr?.on('data', (c: Buffer) => tail.push(c))
      await waitForHealth(base, server, tail, 300_000)
      for (const target of largeTargets) {
        const headers: Record<string, string> = { ...BROWSER_HEADERS, cookie: await signIn(base, target.account!) }
        await check(base, target, headers)
        console.log(
          `Measuring ${target.name}: ${searchConnections} connection(s), ${WARMUP_SECONDS} s warm-up + ${duration} s …`,
        )
        console.log(`  ${target.label} (${(target.mix ?? [target.path]).join(', ')})`)
        results.push(await measure(base, target, headers, searchConnections, duration, 1, server.pid))
        if (server.exitCode !== null) throw new Error(`The server exited during the run:\n${tail}`)
      }
    }

    console.log('')
    printTable(results)
    const failed = results.filter((r) => r.non2xx > 0 || r.errors > 0)

    const jsWeight = compareWithBaseline(measureJsWeight())
    printJsWeight(jsWeight)
    const grown = jsWeight.filter((page) => page.grown)
    const fraudDetectors = runFraudBench(tmp)
    const analyticsPages = await runAnalyticsPagesBench(tmp)

    const pageRounds = results.filter((r) => r.round > 0 && !LARGE_DB_TARGETS.includes(r.target))
    const figures = [
      ...dashboardRatios(pageRounds, ['client', 'freelancer']),
      ...workerFigures(pageRounds, process.env.BENCH_WORKERS_TARGET ?? 'client', twoWorkersRps),
      ...searchFigures(
        results.find((r) => r.target === 'search'),
        searchDirect as Parameters<typeof searchFigures>[1],
      ),
      ...talentFigures(results.find((r) => r.target === 'talent')),
      ...jsWeightFigures(jsWeight),
    ]
    printFigures(figures, [loadAtStart, os.loadavg()[0] ?? 0])

    const report = {
      ok: failed.length === 0,
      date: new Date().toISOString(),
      git: gitDescription(),
      machine: {
        node: process.version,
        platform: `${os.platform()} ${os.arch()}`,
        cpus: os.cpus().length,
        cpu: os.cpus()[0]?.model ?? null,
        loadAverageAtStart: Number(loadAtStart.toFixed(2)),
        // The run itself keeps about two processes busy; much more means something else ran too.
        loadAverageAtEnd: Number((os.loadavg()[0] ?? 0).toFixed(2)),
      },
      settings: { connections, durationSeconds: duration, warmupSeconds: WARMUP_SECONDS, headers: BROWSER_HEADERS },
      results,
      searchDirect,
      jsWeight,
      fraudDetectors,
      analyticsPages,
      recommendations: runRecommendationsBench(),
      figures,
    }
    fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true })
    fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`)
    console.log(`\nWrote ${path.relative(process.cwd(), RESULTS_FILE)}`)

    for (const r of failed) {
      console.error(
        `FAILED ${r.label} (${r.path}): ${r.non2xx} non-2xx (${JSON.stringify(r.statusCodes)}), ${r.errors} errors (${r.timeouts} timeouts)`,
      )
    }
    if (failed.length) console.error(`Last server output:\n${tail}`)
    for (const page of grown) {
      console.error(
        `GREW ${page.kind} (${page.route}): ${page.change} bytes of gzipped JavaScript more than the baseline`,
      )
    }
    return failed.length || grown.length ? 1 : 0
  } finally {
    await cleanUp()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
