/**
 * Analytics pages over HTTP (issue 18) on a copy of BENCH_ANALYTICS_DB (default data/large.db,
 * built by `npm run seed:large`), served by the production server: /admin/analytics for one year
 * signed in as the admin, /analytics as the freelancer with the most contracts (the heaviest
 * personal page), and /market anonymously. One connection, requests one after another, so each
 * latency is the server's time for the page, not queueing; p95 over BENCH_ANALYTICS_REQUESTS
 * (default 100) after 5 unmeasured requests, printed against the issue's targets. The very first
 * request of each page is reported too: /market is computed once per 10 minutes, so its p95 is
 * mostly cache hits and its first request is the computation.
 * The server runs one web worker (WEB_WORKERS=1) beside its primary and, with jobs on, a job
 * process. The CPU time per request (utime + stime from /proc, what the machine's load inflates
 * least) printed next to the wall-clock figures is the primary's and the web worker's: the job
 * process's is printed apart (its work is not the pages'). The jobs that have nothing to do with
 * these pages are switched off (BENCH_DISABLED_JOBS overrides the list); the analytics rollup,
 * the market snapshot and the review totals run as in production. Every job runs once when the
 * job process starts, so the measurement begins only once /metrics has counted a run of each
 * enabled job: those start-up runs (the market snapshot takes seconds on the large seed) would
 * otherwise compete with the first page's requests for the machine's two cores.
 *
 *   npx tsx bench/analytics-pages.ts   (after `npm run build`; `npm run bench` runs it too)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { serverCpuMs } from './process-cpu'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SOURCE_DB = path.resolve(ROOT, process.env.BENCH_ANALYTICS_DB ?? 'data/large.db')
const REQUESTS = Number(process.env.BENCH_ANALYTICS_REQUESTS ?? 100)
const WARMUP = 5
const HEADERS = { accept: 'text/html', 'accept-encoding': 'gzip', 'user-agent': 'Mozilla/5.0 (bench)' }
/** Lets the bench read /metrics (job run counts) from the server it starts. */
const METRICS_TOKEN = 'bench-only-metrics-token-0123456789'
/** How long the start-up runs of the enabled jobs may take before the bench gives up. */
const JOBS_START_TIMEOUT_MS = 15 * 60_000

/** Jobs that have nothing to do with these pages; their first runs at start would be timed with the admin page. */
const UNRELATED_JOBS = [
  'hourly-invoicing',
  'hourly-charging',
  'milestone-auto-approval',
  'saved-search-alerts',
  'payout-sending',
  'meeting-reminders',
  'outbox-code-expiry',
  'daily-backup',
  'recording-retention',
  'fraud-sweep',
  'analytics-weekly-report',
  'model-refit',
].join(',')

type Page = { name: string; path: string; targetMs: number; account: 'admin' | 'freelancer' | null }
const PAGES: Page[] = [
  { name: 'admin analytics, 1 year', path: '/admin/analytics?range=1y', targetMs: 150, account: 'admin' },
  { name: 'freelancer analytics', path: '/analytics', targetMs: 50, account: 'freelancer' },
  { name: 'market', path: '/market', targetMs: 100, account: null },
]

export type AnalyticsPageResult = {
  page: string
  path: string
  targetMs: number
  firstMs: number
  p50Ms: number
  p95Ms: number
  maxMs: number
  /** The primary's and the web worker's CPU time per measured request (user + system); the job process's is apart. */
  cpuMsPerRequest: number
  /** The job process's CPU time during the measured requests, per request (0 with every job off). */
  jobsCpuMsPerRequest: number
  requests: number
  met: boolean
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** The admin's and the busiest freelancer's ids, read from the copy before the server opens it. */
function accounts(file: string): Record<'admin' | 'freelancer', string> {
  const db = new Database(file, { readonly: true })
  try {
    const admin = db.prepare(`select id from users where email = 'admin@megilance.test'`).pluck().get()
    const freelancer = db
      .prepare(
        `select freelancer_id from contracts group by freelancer_id order by count(*) desc, freelancer_id limit 1`,
      )
      .pluck()
      .get()
    if (typeof admin !== 'string' || typeof freelancer !== 'string')
      throw new Error(`${file} has no admin@megilance.test or no contracts: is it a seed:large database?`)
    return { admin, freelancer }
  } finally {
    db.close()
  }
}

/**
 * Session cookies written straight into the copy, in a child process (the app picks its database
 * once per process). The admin's sign-in form asks for an emailed code, so it is skipped for both.
 * The child also names the jobs the server will run (what DISABLED_JOBS leaves).
 */
function prepareServer(env: NodeJS.ProcessEnv, ids: Record<'admin' | 'freelancer', string>) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--sessions'], {
    cwd: ROOT,
    env: { ...env, BENCH_SESSION_USERS: JSON.stringify(ids) },
    encoding: 'utf8',
  })
  if (child.status !== 0) throw new Error(`Writing the bench sessions failed:\n${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
    cookies: Record<'admin' | 'freelancer', string>
    jobs: string[]
  }
}

async function writeSessions() {
  const { startSession } = await import('~/services/accounts/sessions.server')
  const { closeDb } = await import('~/models/db.server')
  const { enabledJobs } = await import('~/services/jobs/scheduler.server')
  const { getEnv } = await import('~/utils/env.server')
  const ids = JSON.parse(process.env.BENCH_SESSION_USERS!) as Record<string, string>
  const request = new Request('http://bench.invalid/', { headers: { 'user-agent': HEADERS['user-agent'] } })
  const cookies: Record<string, string> = {}
  for (const [role, id] of Object.entries(ids))
    cookies[role] = (await startSession(id, request, '127.0.0.1', { secondFactorAt: new Date() })).split(';')[0]!
  closeDb()
  const jobs = enabledJobs(getEnv().DISABLED_JOBS).map((job) => job.name)
  console.log(JSON.stringify({ cookies, jobs }))
}

async function waitForHealth(base: string, server: ChildProcess, output: string[]) {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited (${server.exitCode}):\n${output.join('')}`)
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    )
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`/healthz did not answer within 60 s:\n${output.join('')}`)
}

/** Runs of each job counted so far, from the server's /metrics (megilance_job_runs_total, any outcome). */
async function jobRunCounts(base: string): Promise<Map<string, { ok: number; failed: number }>> {
  const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
  if (response.status !== 200) throw new Error(`GET /metrics answered ${response.status}`)
  const counts = new Map<string, { ok: number; failed: number }>()
  for (const match of (await response.text()).matchAll(
    /^megilance_job_runs_total\{job="([^"]+)",outcome="(ok|failed)"\} (\d+)$/gm,
  )) {
    const count = counts.get(match[1]!) ?? { ok: 0, failed: 0 }
    count[match[2] as 'ok' | 'failed'] += Number(match[3])
    counts.set(match[1]!, count)
  }
  return counts
}

/**
 * Waits until every job the server runs has finished its start-up run (each job runs once when
 * the job process starts), so none of them competes with the measured requests. Polls /metrics;
 * returns how long the start-up runs took to end, counted from the server's first answer.
 */
async function waitForStartUpJobs(base: string, jobs: readonly string[], server: ChildProcess, output: string[]) {
  const started = performance.now()
  const deadline = Date.now() + JOBS_START_TIMEOUT_MS
  for (;;) {
    if (server.exitCode !== null) throw new Error(`The server exited (${server.exitCode}):\n${output.join('')}`)
    const counts = await jobRunCounts(base)
    const waiting = jobs.filter((job) => !counts.get(job))
    if (!waiting.length) {
      for (const job of jobs)
        if (counts.get(job)!.failed) console.warn(`  the start-up run of ${job} failed (see the server's log)`)
      return performance.now() - started
    }
    if (Date.now() > deadline)
      throw new Error(
        `The start-up runs of ${waiting.join(', ')} did not end within ${JOBS_START_TIMEOUT_MS / 60_000} min`,
      )
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** One request's wall-clock time, body included; anything but a 200 stops the bench. */
async function timed(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now()
  const response = await fetch(url, { headers, redirect: 'manual' })
  await response.arrayBuffer()
  const ms = performance.now() - started
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`)
  return ms
}

async function measure(base: string, page: Page, cookie: string | null, pid: number): Promise<AnalyticsPageResult> {
  const headers: Record<string, string> = cookie ? { ...HEADERS, cookie } : { ...HEADERS }
  const url = `${base}${page.path}`
  const firstMs = await timed(url, headers)
  for (let i = 1; i < WARMUP; i++) await timed(url, headers)
  const times: number[] = []
  const cpuBefore = serverCpuMs(pid)
  for (let i = 0; i < REQUESTS; i++) times.push(await timed(url, headers))
  const cpuAfter = serverCpuMs(pid)
  const perRequest = (side: 'web' | 'jobs') =>
    cpuBefore && cpuAfter ? (cpuAfter[side] - cpuBefore[side]) / REQUESTS : NaN
  times.sort((a, b) => a - b)
  const p95Ms = percentile(times, 95)
  return {
    page: page.name,
    path: page.path,
    targetMs: page.targetMs,
    firstMs,
    p50Ms: percentile(times, 50),
    p95Ms,
    maxMs: times.at(-1) ?? NaN,
    cpuMsPerRequest: perRequest('web'),
    jobsCpuMsPerRequest: perRequest('jobs'),
    requests: times.length,
    met: p95Ms <= page.targetMs,
  }
}

function print(results: AnalyticsPageResult[]) {
  const f = (ms: number) => ms.toFixed(1).padStart(8)
  console.log('\nAnalytics pages (large DB, 1 connection)   first   p50 ms   p95 ms  CPU ms/req  (jobs)  target   ')
  for (const r of results) {
    console.log(
      `${`${r.page} (${r.path})`.padEnd(42)}${f(r.firstMs)} ${f(r.p50Ms)} ${f(r.p95Ms)} ${f(r.cpuMsPerRequest)} ${f(r.jobsCpuMsPerRequest)}     ≤ ${String(r.targetMs).padEnd(4)} ${r.met ? 'met' : 'NOT MET'}`,
    )
  }
  console.log(
    `  load average when done: ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(', ')}`,
  )
}

/** Runs the three pages on a copy of the large database in `tmp`; null (with a note) when there is none. */
export async function runAnalyticsPagesBench(tmp: string): Promise<AnalyticsPageResult[] | null> {
  if (!fs.existsSync(SOURCE_DB)) {
    console.warn(`\nNo ${path.relative(ROOT, SOURCE_DB)}: the analytics pages are not measured (npm run seed:large).`)
    return null
  }
  const db = path.join(tmp, 'analytics.db')
  fs.copyFileSync(SOURCE_DB, db)
  if (fs.existsSync(`${SOURCE_DB}-wal`)) fs.copyFileSync(`${SOURCE_DB}-wal`, `${db}-wal`)
  const ids = accounts(db)
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const output: string[] = []
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
    DISABLED_JOBS: process.env.BENCH_DISABLED_JOBS ?? UNRELATED_JOBS,
    METRICS_TOKEN,
  }
  // The nightly job would have rolled up every past day; the backfill does what is missing (not timed as a page).
  const backfill = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/analytics-backfill.ts', '--missing'], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  })
  if (backfill.status !== 0) throw new Error(`The analytics backfill failed:\n${backfill.stderr}`)
  console.log(`  ${backfill.stdout.trim()}`)
  const { cookies, jobs } = prepareServer(env, ids)
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  })
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString())
    if (output.length > 40) output.shift()
  }
  server.stdout?.on('data', keep)
  server.stderr?.on('data', keep)
  try {
    console.log(`\nAnalytics pages on a copy of ${path.relative(ROOT, SOURCE_DB)}, port ${port} …`)
    await waitForHealth(base, server, output)
    if (jobs.length) {
      const ms = await waitForStartUpJobs(base, jobs, server, output)
      console.log(`  the start-up runs of ${jobs.join(', ')} ended ${(ms / 1000).toFixed(1)} s after the first answer`)
    }
    const results: AnalyticsPageResult[] = []
    for (const page of PAGES) {
      console.log(`  ${page.name} (${page.path}${page.account === 'freelancer' ? ` as user ${ids.freelancer}` : ''})`)
      results.push(await measure(base, page, page.account ? cookies[page.account] : null, server.pid!))
    }
    print(results)
    return results
  } finally {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve))
      server.kill('SIGTERM')
      await exited
    }
  }
}

// Run on its own: `npx tsx bench/analytics-pages.ts`; `--sessions` is the child of sessionCookies().
const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain && process.argv.includes('--sessions')) {
  writeSessions().catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
} else if (isMain) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'megilance-analytics-bench-'))
  runAnalyticsPagesBench(tmp)
    .then((results) => (process.exitCode = results && results.every((r) => r.met) ? 0 : 1))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error)
      process.exitCode = 1
    })
    .finally(() => fs.rmSync(tmp, { recursive: true, force: true }))
}
