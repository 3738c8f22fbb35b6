/**
 * `npm run load`: a production server on a copy of the large seed (`npm run seed:large`, LOAD_DB,
 * default data/large.db) under a mixed signed-in workload — search with facets, projects and
 * profiles, messages, proposals, milestone funding, payouts, signing in and out — for
 * LOAD_DURATION seconds (default 60) over LOAD_CONNECTIONS connections (default 200; LOAD_PAIRS people
 * of each side, default 100; LOAD_TIMEOUT seconds per request, default 120), split across
 * the actions by weight (LOAD_SKIP: action names to leave out, comma-separated), each action's
 * connections opened in LOAD_CONNECTION_GROUPS interleaved groups (default 5). Prints
 * requests/s and p50/p95/p99 per action and answers by status, then checks the database:
 * integrity, ledger invariants, and that no milestone was funded and no payout made twice.
 * Exits 1 on any 5xx, failed request, action with no answer, or broken check.
 *
 * Each connection sends its next request when the last is answered (closed loop), so once the
 * server is saturated a latency is mostly time queued behind the other connections' requests
 * (about connections ÷ requests/s). LOAD_RATE (requests/s over all actions, split by weight) caps the
 * rate instead, to read latencies below saturation. LOAD_WARMUP_ROUNDS (default 4) rounds of one
 * request per action go first, so cold caches are not measured. The server's CPU time per request (web
 * workers and primary; the job process apart) and the load average are printed beside them.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { serverCpuMs } from '../bench/process-cpu'

const DB = path.resolve(process.env.LOAD_DB ?? 'data/large.db')
const DURATION = Number(process.env.LOAD_DURATION ?? 60)
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200)
const PAIRS = Number(process.env.LOAD_PAIRS ?? 100)
/** Seconds before a request counts as failed: long, so a saturated server shows as latency, not dropped work. */
const TIMEOUT = Number(process.env.LOAD_TIMEOUT ?? 120)
const PORT = Number(process.env.LOAD_PORT ?? 3390)
const RATE = process.env.LOAD_RATE ? Number(process.env.LOAD_RATE) : undefined
/** Rounds of one request per action before the measured run (their money moves count in the checks too). */
const WARMUP_ROUNDS = Number(process.env.LOAD_WARMUP_ROUNDS ?? 4)
const GROUPS = Math.max(1, Number(process.env.LOAD_CONNECTION_GROUPS ?? 5))
const DEMO_PASSWORD = 'MegiLance-demo-2026'
const SESSION_SECRET = 'load-session-secret-that-is-long-enough-0123'
const BASE = `http://127.0.0.1:${PORT}`

if (!fs.existsSync(DB)) {
  console.error(`No ${DB}: run \`npm run seed:large\` first (or set LOAD_DB).`)
  process.exit(1)
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'megilance-load-'))
const copy = path.join(dir, 'load.db')
fs.copyFileSync(DB, copy)
for (const suffix of ['-wal', '-shm']) if (fs.existsSync(DB + suffix)) fs.copyFileSync(DB + suffix, copy + suffix)
// The copy is ~1.2 GB of dirty pages until the kernel writes it out; unflushed, the server's first
// WAL checkpoint fsyncs all of it inside a request. (In one run on a busy disk a web worker answered
// nothing for ~110 s; this is the likely cause.)
for (const file of [copy, copy + '-wal']) {
  if (!fs.existsSync(file)) continue
  const fd = fs.openSync(file, 'r+')
  fs.fsyncSync(fd)
  fs.closeSync(fd)
}
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  DEMO: 'true',
  SANDBOX_PAYMENTS: 'true',
  PORT: String(PORT),
  DATABASE_PATH: copy,
  SESSION_SECRET,
  LOG_LEVEL: process.env.LOAD_LOG_LEVEL ?? 'error',
  RATE_LIMIT_PER_MINUTE: '10000000',
  AUTH_RATE_LIMIT_PER_15_MINUTES: '10000000',
  DISABLED_JOBS: 'hourly-invoicing,hourly-charging,daily-backup,payout-sending,saved-search-alerts',
}
Object.assign(process.env, { DATABASE_PATH: copy, SESSION_SECRET, SANDBOX_PAYMENTS: 'true', LOG_LEVEL: 'error' })
const { prepareWorkload, checkMoney } = await import('./load/prepare')
const { closeDb } = await import('~/models/db.server')
console.log(`Preparing ${PAIRS} client–freelancer pairs on a copy of ${path.relative(process.cwd(), DB)} …`)
const work = await prepareWorkload(PAIRS, 40)
closeDb()

const server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
  env,
  stdio: ['ignore', 'inherit', 'inherit'],
})
for (let i = 0; ; i++) {
  if (
    (await fetch(`${BASE}/healthz`).then(
      (r) => r.ok,
      () => false,
    )) === true
  )
    break
  // Several workers each load the build: on a busy 2-core machine that can take minutes.
  if (i > 3000) {
    server.kill('SIGTERM')
    throw new Error('The server did not start within 5 minutes')
  }
  await new Promise((resolve) => setTimeout(resolve, 100))
}

type Context = { actor?: number; step?: number; cookie?: string }
type Request = { method?: string; path: string; headers?: Record<string, string>; body?: string }
type Action = {
  name: string
  weight: number
  who: 'client' | 'freelancer' | 'anyone'
  next: (actor: number, step: number) => Request[]
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()
const pick = <T>(list: T[], n: number) => list[n % list.length]!
const WORDS = ['react', 'dashboard', 'python', 'shop', 'api', 'design', 'mobile', 'data']
const SKILLS = ['React', 'Python', 'Node.js', 'TypeScript', 'Figma']
let payoutKey = 0

const ACTIONS: Action[] = [
  {
    name: 'search with facets',
    weight: 25,
    who: 'freelancer',
    next: (a, n) => [
      {
        path: `/projects?q=${pick(WORDS, a + n)}&skill=${encodeURIComponent(pick(SKILLS, a * 3 + n))}&type=${(a + n) % 2 ? 'fixed' : 'hourly'}`,
      },
    ],
  },
  {
    name: 'open a project',
    weight: 20,
    who: 'freelancer',
    next: (a, n) => [{ path: `/projects/${pick(work.projectIds, (n * 1000 + a) * 7919)}` }],
  },
  {
    name: 'open a profile',
    weight: 15,
    who: 'client',
    next: (a, n) => [{ path: `/freelancers/${pick(work.freelancerIds, (n * 1000 + a) * 104729)}` }],
  },
  {
    name: 'post a message',
    weight: 10,
    who: 'client',
    next: (a, n) => [
      {
        method: 'POST',
        path: `/messages/${work.clients[a]!.conversationId}`,
        body: form({ body: `Load message ${n}: how is it going?` }),
      },
    ],
  },
  {
    name: 'send a proposal',
    weight: 10,
    who: 'freelancer',
    next: (a, n) => {
      const project = pick(work.openProjects, a * 31 + n)
      const amount = String(Math.round(project.amount / 100))
      return [
        {
          method: 'POST',
          path: `/projects/${project.id}/propose`,
          body: form({
            coverLetter: 'I have delivered this kind of work many times and can start on Monday with a clear plan.',
            amount,
            durationDays: '14',
            ...(project.budgetType === 'fixed'
              ? { 'milestones[0].title': 'All of it', 'milestones[0].amount': amount }
              : {}),
          }),
        },
      ]
    },
  },
  {
    name: 'fund a milestone',
    weight: 8,
    who: 'client',
    next: (a, n) => {
      const { contractId, milestoneId } = pick(work.clients[a]!.milestones, n)
      return [
        {
          method: 'POST',
          path: `/contracts/${contractId}`,
          body: form({ intent: 'fund', milestoneId, method: 'wallet' }),
        },
      ]
    },
  },
  {
    name: 'request a payout',
    weight: 7,
    who: 'freelancer',
    next: (a) => {
      // Every other request repeats the previous key, as a double click or a retry would.
      const key = `load-${a}-${Math.floor(payoutKey++ / 2)}`
      const fields = {
        intent: 'confirm',
        methodId: work.freelancers[a]!.methodId,
        currency: 'USD',
        amount: '20',
        speed: 'standard',
        idempotencyKey: key,
      }
      return [{ method: 'POST', path: '/payouts', body: form(fields) }]
    },
  },
  {
    name: 'sign in and out',
    weight: 5,
    who: 'anyone',
    next: () => [
      { method: 'POST', path: '/sign-in', body: form({ email: 'client@megilance.test', password: DEMO_PASSWORD }) },
      { method: 'POST', path: '/sign-out', body: '' },
    ],
  },
]

type Stats = {
  name: string
  latencies: number[]
  statuses: Map<number, number>
  errors: number
  errorKinds: Set<string>
  rps: number
}

const t0 = Date.now()
/**
 * Plays `action` over `connections` connections into `stats`. An action's groups of connections
 * share `counter` (whose turn, which step) and their stats.
 */
function run(
  action: Action,
  connections: number,
  rate: number | undefined,
  stats: Stats,
  counter: { rounds: number },
): Promise<void> {
  const people = action.who === 'client' ? work.clients : work.freelancers
  // autocannon empties a connection's context each time it starts the list of requests again, so
  // what must change from one round to the next (whose turn, which step) is counted out here: kept
  // in the context, every round was step 1 (the same search, project and milestone every time).
  const steps = action.next(0, 0)
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: BASE,
        connections,
        ...(rate ? { overallRate: rate } : {}),
        duration: DURATION,
        timeout: TIMEOUT,
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: BASE, accept: 'text/html' },
        requests: steps.map((_, index) => ({
          setupRequest: (request: Record<string, unknown>, context: Context) => {
            if (index === 0) {
              counter.rounds += 1
              context.actor = counter.rounds % people.length
              context.step = Math.floor(counter.rounds / people.length) + 1
            }
            const actor = context.actor ?? 0
            const next = action.next(actor, context.step ?? 0)[index]!
            const cookie = action.who === 'anyone' ? context.cookie : people[actor]!.cookie
            return {
              ...request,
              method: next.method ?? 'GET',
              path: next.path,
              body: next.body,
              headers: { ...(request.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
            }
          },
          onResponse: (
            _status: number,
            _body: string,
            context: Context,
            headers?: Record<string, string | string[]>,
          ) => {
            const set = headers?.['set-cookie']
            const session = (Array.isArray(set) ? set : set ? [set] : []).find((c) =>
              /^(?:__Host-session|__session)=/.test(c),
            )
            if (session) context.cookie = session.split(';')[0]
          },
        })),
      } as autocannon.Options,
      (error: unknown, result: autocannon.Result) => {
        if (error) return reject(error)
        stats.errors += result.errors + result.timeouts
        stats.rps += result.requests.mean
        resolve()
      },
    )
    instance.on('reqError', (error: Error) => {
      stats.errorKinds.add(error.message)
      if (process.env.LOAD_TRACE)
        console.log('reqError', action.name, ((Date.now() - t0) / 1000).toFixed(1), error.message)
    })
    instance.on('response', (_client, status, _bytes, ms) => {
      stats.statuses.set(status, (stats.statuses.get(status) ?? 0) + 1)
      stats.latencies.push(ms)
    })
  })
}

const SKIP = new Set((process.env.LOAD_SKIP ?? '').split(',').map((name) => name.trim()))
const PLAYED = ACTIONS.filter((action) => !SKIP.has(action.name))
const totalWeight = PLAYED.reduce((sum, action) => sum + action.weight, 0)
console.log(
  `Loading ${BASE} with ${CONNECTIONS} connections for ${DURATION} s${RATE ? ` at ${RATE} requests/s` : ''} …`,
)
// Each worker's first requests fill its caches and indexes (on the large seed, under a busy machine,
// that held both workers for most of a minute); the run measures the server once warm.
const warmStart = Date.now()
for (let round = 0; round < WARMUP_ROUNDS; round++) {
  await Promise.all(
    PLAYED.filter((action) => action.who !== 'anyone').map(async (action) => {
      const people = action.who === 'client' ? work.clients : work.freelancers
      const request = action.next(round, round)[0]!
      await fetch(`${BASE}${request.path}`, {
        method: request.method ?? 'GET',
        body: request.method === 'POST' ? request.body : undefined,
        redirect: 'manual',
        headers: {
          // A new connection each time, so every web worker gets some.
          connection: 'close',
          cookie: people[round % people.length]!.cookie,
          origin: BASE,
          'content-type': 'application/x-www-form-urlencoded',
        },
      }).then((response) => response.arrayBuffer())
    }),
  )
}
console.log(
  `Warm-up: ${WARMUP_ROUNDS} rounds of one request per action in ${((Date.now() - warmStart) / 1000).toFixed(1)} s`,
)
const before = serverCpuMs(server.pid)
const loadBefore = os.loadavg()[0]!
// Real people do not connect sorted by what they are about to do. Each action's connections open in
// LOAD_CONNECTION_GROUPS groups (default 5), a group of every action at a time: opened action by
// action, the 50 search connections came in one burst, and the worker that accepted first took them all.
const plan = PLAYED.map((action) => {
  const connections = Math.max(1, Math.round((CONNECTIONS * action.weight) / totalWeight))
  const stats: Stats = {
    name: action.name,
    latencies: [],
    statuses: new Map(),
    errors: 0,
    errorKinds: new Set(),
    rps: 0,
  }
  return { action, connections, stats, counter: { rounds: 0 } }
})
const runs: Promise<void>[] = []
for (let group = 0; group < GROUPS; group++) {
  for (const { action, connections, stats, counter } of plan) {
    const share = Math.floor(connections / GROUPS) + (group < connections % GROUPS ? 1 : 0)
    if (!share) continue
    const rate = RATE ? Math.max(0.1, (RATE * action.weight * share) / (totalWeight * connections)) : undefined
    runs.push(run(action, share, rate, stats, counter))
  }
}
await Promise.all(runs)
const results = plan.map(({ stats }) => stats)
const after = serverCpuMs(server.pid)
const loadAfter = os.loadavg()[0]!
server.kill('SIGTERM')
await new Promise((resolve) => server.once('exit', resolve))

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
let failed = false
console.log(
  `\n${'action'.padEnd(20)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)}  answers by status`,
)
for (const stats of results) {
  const sorted = stats.latencies.sort((a, b) => a - b)
  const statuses = [...stats.statuses]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status}×${n}`)
    .join(' ')
  // An action with no answer in the whole run was not shown to work: that fails the run too.
  if ([...stats.statuses.keys()].some((status) => status >= 500) || stats.errors > 0 || !stats.latencies.length)
    failed = true
  console.log(
    `${stats.name.padEnd(20)} ${stats.rps.toFixed(1).padStart(7)} ${percentile(sorted, 50).toFixed(0).padStart(8)} ${percentile(sorted, 95).toFixed(0).padStart(8)} ${percentile(sorted, 99).toFixed(0).padStart(8)}  ${statuses}${stats.errors ? ` errors×${stats.errors} (${[...stats.errorKinds].join('; ')})` : ''}`,
  )
}
const total = results.reduce((sum, stats) => sum + stats.rps, 0)
console.log(`${'all'.padEnd(20)} ${total.toFixed(1).padStart(7)}`)
const answered = results.reduce((sum, stats) => sum + stats.latencies.length, 0)
if (before && after) {
  const web = after.web - before.web
  const jobs = after.jobs - before.jobs
  console.log(
    `Server CPU during the run: web workers and primary ${(web / 1000).toFixed(1)} s (${(web / Math.max(1, answered)).toFixed(1)} ms per request, ${answered} answered), job process ${(jobs / 1000).toFixed(1)} s; load average ${loadBefore.toFixed(1)} at the start, ${loadAfter.toFixed(1)} at the end (${os.availableParallelism()} cores).`,
  )
}

const money = await checkMoney(copy)
console.log('\nAfter the run:', JSON.stringify(money))
const broken =
  money.integrity !== 'ok' ||
  money.ledger.unbalancedCurrencies.length > 0 ||
  money.ledger.negativeAccounts > 0 ||
  money.ledger.unbalancedTransactions > 0 ||
  money.milestonesFundedTwice +
    money.payoutKeysUsedTwice +
    money.fundedWithoutEscrow +
    money.escrowWithoutFunding +
    money.payoutsWithoutLedger >
    0
console.log(
  broken ? 'Money checks FAILED.' : 'Money checks passed: every funding and payout happened once or not at all.',
)
fs.rmSync(dir, { recursive: true, force: true })
process.exit(failed || broken ? 1 : 0)
