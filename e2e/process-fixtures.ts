import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { TestInfo } from '@playwright/test'

/**
 * A second server process on its own port and database, started the way a deployment starts it,
 * for tests about start-up itself. The port is per worker slot and project, so two such specs
 * running at once (crash safety and demo start-up) never share a port or a database file.
 */
export function separateServer(testInfo: TestInfo) {
  const slot = testInfo.parallelIndex * 2 + (testInfo.project.name === 'js' ? 0 : 1)
  const port = Number(process.env.E2E_PORT ?? 3101) + 100 + slot
  const databasePath = path.resolve(`e2e/.tmp/start-${port}.db`)
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${databasePath}${suffix}`, { force: true })
  fs.mkdirSync(path.dirname(databasePath), { recursive: true })
  return { port, databasePath, baseURL: `http://localhost:${port}` }
}

export type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> }

const running = new Set<Started>()

/** Runs `node --import tsx <script>` with only the environment given (plus PATH and HOME, and one web worker unless given). */
export function runNodeScript(
  script: string,
  args: string[],
  env: Record<string, string> & { NODE_ENV: string },
): Started {
  let output = ''
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', WEB_WORKERS: '1', ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const started = { child, output: () => output, exited }
  running.add(started)
  void exited.then(() => running.delete(started))
  return started
}

/** Throws when something already answers at baseURL (a server left over from another run), which the test would talk to instead. */
export async function expectNothingListening(baseURL: string): Promise<void> {
  const answered = await fetch(`${baseURL}/healthz`).then(
    () => true,
    () => false,
  )
  if (answered) throw new Error(`Another server already listens at ${baseURL}; stop it and run the test again.`)
}

/** Resolves when /healthz answers, or throws with the output if the process exits first. */
export async function waitForHealthy(started: Started, baseURL: string, timeoutMs = 60_000): Promise<void> {
  let exitCode: number | null | undefined
  void started.exited.then((code) => (exitCode = code))
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`The server exited (${exitCode}):\n${started.output()}`)
    const ok = await fetch(`${baseURL}/healthz`).then(
      (response) => response.ok,
      () => false,
    )
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`The server did not answer /healthz in time:\n${started.output()}`)
}

export async function stop(started: Started): Promise<void> {
  if (started.child.exitCode === null) started.child.kill('SIGTERM')
  await started.exited
}

/** For afterEach: a test that timed out never reached its own `stop`. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map(stop))
}
