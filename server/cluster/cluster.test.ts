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
 * Two real web worker processes under the real primary: an event published in one reaches a
 * live conversation stream held by the other, who watches is known in both, and a rate limit
 * counts the requests of both. The workers run a small script (written below) instead of the server.
 */
const ROOT = path.resolve(import.meta.dirname, '../..')
const dir = path.dirname(process.env.DATABASE_PATH ?? '')
const script = path.join(dir, 'worker.mts')

fs.writeFileSync(
  script,
  `
import { conversationEventStream, isWatching, publish } from '${ROOT}/app/services/messaging/live.server.ts'
import { PrimaryRateStore } from '${ROOT}/server/cluster/rate-store.ts'
const store = new PrimaryRateStore('test:')
store.init({ windowMs: 60_000 })
process.on('message', async (message) => {
  if (message.test === 'watch') {
    const stream = conversationEventStream(new AbortController().signal, message.conversationId, message.viewer)
    const reader = stream.getReader()
    process.send({ test: 'watching' })
    const decoder = new TextDecoder()
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return
      const text = decoder.decode(value)
      if (text.startsWith('event: message')) process.send({ test: 'received', text })
    }
  }
  if (message.test === 'publish') {
    const watching = isWatching(message.conversationId, message.viewer.userId)
    publish(message.conversationId, { type: 'message', messageId: 'm1', senderId: 'someone' })
    process.send({ test: 'published', watching })
  }
  if (message.test === 'hit') {
    const { totalHits } = await store.increment('203.0.113.9')
    process.send({ test: 'hit', totalHits })
  }
})
process.send({ test: 'up', role: process.env.MEGILANCE_WORKER_ROLE })
`,
)

let primary: ReturnType<typeof startPrimary>
const workers = new Map<string, Worker>()

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

beforeAll(async () => {
  cluster.setupPrimary({ exec: script, execArgv: ['--import', 'tsx'], cwd: ROOT, silent: false })
  const up = new Promise<void>((resolve) => {
    cluster.on('message', (worker, message: { test?: string; role?: string }) => {
      if (message.test !== 'up' || !message.role) return
      workers.set(message.role, worker)
      if (workers.size === 2) resolve()
    })
  })
  primary = startPrimary({ workers: 2, logger: pino({ level: 'silent' }), peerSocket: path.join(dir, 'peer.sock') })
  await up
}, 120_000)

afterAll(async () => {
  await primary.stop('SIGTERM')
})

test('an event published in one worker reaches the stream another worker holds', async () => {
  const user = await createTestUser('client')
  const session = await readSession(getRequest('/', await signedInCookie(user.id)))
  const viewer = { userId: user.id, sessionId: session!.sessionId }
  const holder = workers.get('lead')!
  const publisher = workers.get('web')!

  const watching = next(holder, 'watching')
  holder.send({ test: 'watch', conversationId: 'c1', viewer })
  await watching

  const received = next(holder, 'received')
  const published = next(publisher, 'published')
  publisher.send({ test: 'publish', conversationId: 'c1', viewer })
  expect((await published).watching).toBe(true)
  expect(String((await received).text)).toContain('"messageId":"m1"')
}, 60_000)

test('a rate limit counts the requests every worker answers', async () => {
  const hits: number[] = []
  for (const worker of [workers.get('lead')!, workers.get('web')!, workers.get('lead')!]) {
    const hit = next(worker, 'hit')
    worker.send({ test: 'hit' })
    hits.push(Number((await hit).totalHits))
  }
  expect(hits).toEqual([1, 2, 3])
})
