import cluster, { type Worker } from 'node:cluster'
import fs from 'node:fs'
import path from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { getRequest } from '~/test/requests'
import { createTestUser, signedInCookie } from '~/test/users'
import { readSession } from '~/services/accounts/sessions.server'
import { startPrimary } from './primary'

/**
 * The real primary with two web workers and its job process (server/jobs.ts, with three test jobs
 * in place of the scheduled ones): the jobs run there and only there, once at start; an event a
 * job publishes reaches a live stream a web worker holds; a failed run is counted; the primary
 * restarts a killed job process, and the run counts for /metrics survive it.
 */
const ROOT = path.resolve(import.meta.dirname, '../..')
const dir = path.dirname(process.env.DATABASE_PATH ?? '')
const script = path.join(dir, 'jobs-worker.mts')
const CONVERSATION = 'c-jobs'
const TOKEN = 'metrics-token-0123456789'

fs.writeFileSync(
  script,
  `
import { conversationEventStream, publish } from '${ROOT}/app/services/messaging/live.server.ts'
import { metricsEndpoint, observeRequests } from '${ROOT}/server/observability.ts'
import express from '${ROOT}/node_modules/express/index.js'
const role = process.env.MEGILANCE_WORKER_ROLE
const quiet = () => {}
const logger = { info: quiet, debug: quiet, warn: quiet, error: quiet }
const report = (job) => process.send({ test: 'ran', job, role, pid: process.pid })
if (role === 'jobs') {
  const { startJobProcess } = await import('${ROOT}/server/jobs.ts')
  startJobProcess({
    logger,
    jobs: [
      { name: 'test-where', everyMs: 3_600_000, run: async () => report('test-where') },
      {
        name: 'test-publish',
        everyMs: 250,
        run: async () => publish('${CONVERSATION}', { type: 'message', messageId: 'from-a-job', senderId: 'job' }),
      },
      { name: 'test-fails', everyMs: 3_600_000, run: async () => { throw new Error('a planned failure') } },
    ],
  })
}
process.on('message', async (message) => {
  if (message.test === 'watch') {
    const reader = conversationEventStream(new AbortController().signal, '${CONVERSATION}', message.viewer).getReader()
    process.send({ test: 'watching' })
    const decoder = new TextDecoder()
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return
      const text = decoder.decode(value)
      if (text.startsWith('event: message')) process.send({ test: 'received', text })
    }
  }
})
if (role === 'jobs') process.send({ test: 'up', role, pid: process.pid })
else {
  // A web worker's /metrics as the server mounts it; the workers share one port.
  const app = express()
  app.use(observeRequests())
  app.get('/metrics', metricsEndpoint('${TOKEN}', process.env.DATABASE_PATH))
  app.get('/page', (_req, res) => res.send(String(process.pid)))
  const server = app.listen(0, '127.0.0.1', () =>
    process.send({ test: 'up', role, pid: process.pid, port: server.address().port }),
  )
}
`,
)

let primary: ReturnType<typeof startPrimary>
const byRole = new Map<string, Worker>()
const runs: { job: string; role: string; pid: number }[] = []
let jobProcessUp: (worker: Worker) => void = () => {}

function next(worker: Worker, kind: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const listener = (message: Record<string, unknown>) => {
      if (message.test !== kind) return
      worker.off('message', listener)
      resolve(message)
    }
    worker.on('message', listener)
  })
}

let port = 0
/** A new connection each time, so the cluster hands requests to the web workers in turn. */
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${port}${path}`, { headers: { connection: 'close', ...headers } })

async function metricsText(): Promise<string> {
  return (await get('/metrics', { authorization: `Bearer ${TOKEN}` })).text()
}

const runsOf = (text: string, job: string, outcome: string) =>
  Number(new RegExp(`megilance_job_runs_total\\{job="${job}",outcome="${outcome}"\\} (\\d+)`).exec(text)?.[1] ?? 0)

beforeAll(async () => {
  cluster.setupPrimary({ exec: script, execArgv: ['--import', 'tsx'], cwd: ROOT, silent: false })
  const up = new Promise<void>((resolve) => {
    cluster.on(
      'message',
      (worker, message: { test?: string; role?: string; job?: string; pid?: number; port?: number }) => {
        if (message.port) port = message.port
        if (message.test === 'ran') runs.push({ job: message.job!, role: message.role!, pid: message.pid! })
        if (message.test !== 'up' || !message.role) return
        byRole.set(message.role, worker)
        if (message.role === 'jobs') jobProcessUp(worker)
        if (byRole.size === 3) resolve()
      },
    )
  })
  primary = startPrimary({
    workers: 2,
    jobs: true,
    logger: pino({ level: 'silent' }),
    peerSocket: path.join(dir, 'jobs-peer.sock'),
  })
  await up
}, 120_000)

afterAll(async () => {
  await primary.stop('SIGTERM')
})

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

test('jobs run in the job process only, once at start, and an event a job publishes reaches a web worker’s stream', async () => {
  const user = await createTestUser('client')
  const session = await readSession(getRequest('/', await signedInCookie(user.id)))
  const viewer = { userId: user.id, sessionId: session!.sessionId }
  const holder = byRole.get('web')!

  const watching = next(holder, 'watching')
  holder.send({ test: 'watch', viewer })
  await watching
  const received = next(holder, 'received')
  expect(String((await received).text)).toContain('"messageId":"from-a-job"')

  await until(() => runs.length > 0)
  expect(runs).toEqual([{ job: 'test-where', role: 'jobs', pid: byRole.get('jobs')!.process.pid }])
}, 60_000)

test('/metrics, whichever web worker answers it, counts every worker’s requests and the job process’s runs', async () => {
  const answeredBy = new Set<string>()
  for (let i = 0; i < 6; i += 1) answeredBy.add(await (await get('/page')).text())
  expect(answeredBy.size).toBe(2)

  for (let i = 0; i < 2; i += 1) {
    const text = await metricsText()
    expect(text).toMatch(/megilance_http_requests_total\{route="\/page",method="GET",status="200"\} 6\n/)
    expect(runsOf(text, 'test-where', 'ok')).toBe(1)
    expect(runsOf(text, 'test-fails', 'failed')).toBe(1)
    expect(runsOf(text, 'test-publish', 'ok')).toBeGreaterThan(0)
    // Both workers read the same file: the size is not added up.
    const bytes = Number(/megilance_database_bytes (\d+)/.exec(text)?.[1])
    const onDisk = fs.statSync(process.env.DATABASE_PATH!).size + walBytes()
    expect(bytes).toBeGreaterThan(onDisk / 2)
    expect(bytes).toBeLessThan(onDisk * 1.5)
  }
})

function walBytes(): number {
  try {
    return fs.statSync(`${process.env.DATABASE_PATH}-wal`).size
  } catch {
    return 0
  }
}

test('a killed job process is started again, and the run counts survive it', async () => {
  const killed = byRole.get('jobs')!
  const restarted = new Promise<Worker>((resolve) => (jobProcessUp = resolve))
  killed.process.kill('SIGKILL')
  const replacement = await restarted
  expect(replacement.process.pid).not.toBe(killed.process.pid)

  // The new process runs every job once at its start, as the first did.
  await until(() => runs.length === 2)
  expect(runs[1]).toEqual({ job: 'test-where', role: 'jobs', pid: replacement.process.pid })
  await until(async () => runsOf(await metricsText(), 'test-where', 'ok') === 2)
  expect(runsOf(await metricsText(), 'test-fails', 'failed')).toBe(2)
}, 60_000)
