import cluster from 'node:cluster'
import fs from 'node:fs'
import path from 'node:path'
import pino from 'pino'
import { expect, it } from 'vitest'
import { EXIT_CANNOT_LISTEN } from '../listen'
import { startPrimary } from './primary'

/**
 * Web workers that cannot take the port (server/listen.ts exits them with EXIT_CANNOT_LISTEN) stop the
 * server: the primary ends with that code instead of starting new workers that fail the same way forever.
 */
it('stops instead of restarting workers that cannot listen', async () => {
  const dir = path.dirname(process.env.DATABASE_PATH ?? '')
  const script = path.join(dir, 'cannot-listen-worker.mjs')
  fs.writeFileSync(script, `process.exit(${EXIT_CANNOT_LISTEN})\n`)
  cluster.setupPrimary({ exec: script, silent: true })
  let forks = 0
  cluster.on('fork', () => (forks += 1))
  const code = await new Promise<number>((resolve) =>
    startPrimary({
      workers: 2,
      logger: pino({ level: 'silent' }),
      peerSocket: path.join(dir, 'x.sock'),
      exit: resolve,
    }),
  )
  expect(code).toBe(EXIT_CANNOT_LISTEN)
  expect(forks).toBe(2)
}, 60_000)
