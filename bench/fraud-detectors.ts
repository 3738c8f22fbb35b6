/**
 * Fraud detection cost (issue 17), in-process, each part in its own child process (the database
 * is chosen once per process):
 *  - events: on a fresh temporary database, an account with a month of history (40 sign-ins,
 *    30 card attempts); the time screenAccount() adds to a sign-in, and recordCardAttempt()
 *    (keep the attempt + screen) adds to a card payment: p50/p95 over BENCH_FRAUD_ITERATIONS (300).
 *  - sweep: runFraudSweep() once over a copy of BENCH_FRAUD_DB (default data/large.db, built by
 *    `npm run seed:large`); skipped with a note when the file is missing.
 *
 *   npx tsx bench/fraud-detectors.ts            (both; `npm run bench` runs it too)
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const ITERATIONS = Number(process.env.BENCH_FRAUD_ITERATIONS ?? 300)
const SECRET = 'bench-only-session-secret-0123456789abcdef'

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN
}

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? NaN }
}

async function measureEvents() {
  const { insertUser } = await import('~/models/users.server')
  const { insertAssessment } = await import('~/models/sign-in-assessments.server')
  const { recordCardAttempt } = await import('~/services/fraud/card-attempts.server')
  const { screenAccount } = await import('~/services/fraud/screening.server')
  const now = Date.now()
  const user = await insertUser({ email: 'bench-fraud@example.com', name: 'Bench', role: 'client', passwordHash: 'x' })
  for (let i = 0; i < 40; i++)
    await insertAssessment({
      id: crypto.randomUUID(),
      userId: user.id,
      ip: `203.0.113.${i % 5}`,
      country: 'GB',
      city: null,
      latitude: null,
      longitude: null,
      deviceId: `device-${i % 3}`,
      userAgent: null,
      score: 10,
      level: 'low',
      factors: [],
      outcome: 'allowed',
      completedAt: new Date(now - i * 18 * 3_600_000),
      createdAt: new Date(now - i * 18 * 3_600_000),
    })
  const attempt = (at: Date, i: number) =>
    recordCardAttempt({
      userId: user.id,
      paymentId: `bench-${i}`,
      amountMinor: 25_000,
      currency: 'USD',
      cardNumber: '4242424242424242',
      ok: true,
      declineReason: null,
      at,
      origin: { ip: '203.0.113.9', deviceId: 'bench-device' },
    })
  for (let i = 0; i < 30; i++) await attempt(new Date(now - i * 24 * 3_600_000), i)
  // Wall time, and this process's CPU time (what the work costs when other processes share the CPUs).
  const signIn: number[] = []
  const card: number[] = []
  const signInCpu: number[] = []
  const cardCpu: number[] = []
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since)
    return (used.user + used.system) / 1000
  }
  for (let i = 0; i < ITERATIONS; i++) {
    let t = performance.now()
    let cpu = process.cpuUsage()
    await screenAccount(user.id)
    signIn.push(performance.now() - t)
    signInCpu.push(cpuMs(cpu))
    t = performance.now()
    cpu = process.cpuUsage()
    await attempt(new Date(), 1000 + i)
    card.push(performance.now() - t)
    cardCpu.push(cpuMs(cpu))
  }
  return {
    iterations: ITERATIONS,
    signInMs: summary(signIn),
    cardPaymentMs: summary(card),
    signInCpuMs: summary(signInCpu),
    cardPaymentCpuMs: summary(cardCpu),
  }
}

async function measureSweep() {
  const { runFraudSweep } = await import('~/services/fraud/screening.server')
  const t = performance.now()
  const result = await runFraudSweep()
  return { seconds: (performance.now() - t) / 1000, ...result }
}

/** Runs one part in a child process on `database`; its JSON answer, or null when it failed. */
function child(part: 'events' | 'sweep', database: string): unknown {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/fraud-detectors.ts', part], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: database, SESSION_SECRET: SECRET, LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  })
  if (run.status !== 0) {
    console.error(`bench/fraud-detectors.ts ${part} failed:\n${run.stderr}`)
    return null
  }
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!)
}

/** Both parts, printed; the figures for bench/results. */
export function runFraudBench(tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'megilance-fraud-bench-'))) {
  const load = os.loadavg().map((n) => n.toFixed(1))
  console.log(
    `\nFraud detectors (bench/fraud-detectors.ts; load average ${load.join(' / ')} on ${os.cpus().length} cores)`,
  )
  const events = child('events', path.join(tmp, 'fraud-events.db')) as Awaited<ReturnType<typeof measureEvents>> | null
  if (events)
    console.log(
      `  added to a sign-in:      p50 ${events.signInMs.p50.toFixed(2)} ms, p95 ${events.signInMs.p95.toFixed(2)} ms wall; p95 ${events.signInCpuMs.p95.toFixed(2)} ms CPU (${events.iterations} runs)\n` +
        `  added to a card payment: p50 ${events.cardPaymentMs.p50.toFixed(2)} ms, p95 ${events.cardPaymentMs.p95.toFixed(2)} ms wall; p95 ${events.cardPaymentCpuMs.p95.toFixed(2)} ms CPU`,
    )
  const large = path.resolve(ROOT, process.env.BENCH_FRAUD_DB ?? 'data/large.db')
  let sweep: unknown = null
  if (fs.existsSync(large)) {
    const copy = path.join(tmp, 'fraud-sweep.db')
    fs.copyFileSync(large, copy)
    if (fs.existsSync(`${large}-wal`)) fs.copyFileSync(`${large}-wal`, `${copy}-wal`)
    sweep = child('sweep', copy)
    if (sweep) console.log(`  sweep over ${path.relative(ROOT, large) || large}: ${JSON.stringify(sweep)}`)
  } else console.log(`  sweep: no ${large} (npm run seed:large, or set BENCH_FRAUD_DB); not measured`)
  return { events, sweep }
}

const part = process.argv[2]
if (part === 'events' || part === 'sweep') {
  const result = part === 'events' ? await measureEvents() : await measureSweep()
  console.log(JSON.stringify(result))
} else if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  runFraudBench()
}
