import { fork, type ChildProcess } from 'node:child_process'
import type { Worker } from 'node:cluster'
import fs from 'node:fs'
import { expect, test } from 'vitest'
import { sendToWorker } from './send-to-worker'

/** A child with an IPC channel that has just been killed, before this process has heard of it. */
async function justKilledChild(): Promise<ChildProcess> {
  const child = fork('-e', ['process.send("up"); setInterval(() => {}, 1000)'], { execPath: process.execPath })
  await new Promise((resolve) => child.once('message', resolve))
  child.kill('SIGKILL')
  // Wait until it has exited (its end of the channel closed) without returning to the event loop,
  // so the channel still counts as connected here.
  const pause = new Int32Array(new SharedArrayBuffer(4))
  while (!exited(child.pid!)) Atomics.wait(pause, 0, 0, 10)
  return child
}

/**
 * Linux: a zombie ('Z' in /proc/PID/stat) with no thread left. The main thread turns zombie while
 * Node's other threads may still hold the open files, so the state alone is not enough.
 */
const exited = (pid: number) =>
  /\) (\w)/.exec(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1] === 'Z' &&
  fs.readdirSync(`/proc/${pid}/task`).length === 1

const asWorker = (child: ChildProcess) =>
  ({ isConnected: () => child.connected, send: child.send.bind(child) }) as unknown as Worker

async function errorsAfter(child: ChildProcess, send: () => void): Promise<Error[]> {
  const errors: Error[] = []
  child.on('error', (error) => errors.push(error))
  send()
  await new Promise((resolve) => child.once('exit', resolve))
  await new Promise((resolve) => setImmediate(resolve))
  return errors
}

test('a worker that died after the connected check: the plain send raises EPIPE, sendToWorker drops the message', async () => {
  const plain = await justKilledChild()
  expect(plain.connected).toBe(true)
  const raised = await errorsAfter(plain, () => plain.send({ megilance: 'emit' }))
  // Without a listener this 'error' was an uncaught exception in the primary.
  expect(raised.map((error) => (error as NodeJS.ErrnoException).code)).toEqual(['EPIPE'])

  const guarded = await justKilledChild()
  expect(guarded.connected).toBe(true)
  expect(await errorsAfter(guarded, () => sendToWorker(asWorker(guarded), { megilance: 'emit' }))).toEqual([])
})
