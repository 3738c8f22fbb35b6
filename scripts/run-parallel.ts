/**
 * Runs npm scripts at the same time: `tsx scripts/run-parallel.ts check typecheck build`. Each is
 * single-threaded for most of its run, so on a 2-core machine two together take about as long as the
 * longer one. Each script's output is kept and printed whole when it ends (never interleaved); the
 * exit code is 1 when any of them failed, after all have ended.
 */
import { spawn } from 'node:child_process'

type Outcome = { name: string; code: number; seconds: number }

function runScript(name: string): Promise<Outcome> {
  const started = performance.now()
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', name], { stdio: ['ignore', 'pipe', 'pipe'] })
    const output: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk))
    const end = (code: number) => {
      const seconds = Math.round((performance.now() - started) / 100) / 10
      process.stdout.write(Buffer.concat(output))
      console.log(`\n[run-parallel] ${name}: ${code === 0 ? 'passed' : `failed (exit code ${code})`} in ${seconds} s\n`)
      resolve({ name, code, seconds })
    }
    child.on('error', (error) => {
      output.push(Buffer.from(`${error.message}\n`))
      end(1)
    })
    child.on('close', (code, signal) => end(code ?? (signal ? 1 : 0)))
  })
}

const names = process.argv.slice(2)
if (names.length === 0) {
  console.error('Usage: tsx scripts/run-parallel.ts SCRIPT [SCRIPT…]')
  process.exitCode = 2
} else {
  const outcomes = await Promise.all(names.map(runScript))
  const failed = outcomes.filter((outcome) => outcome.code !== 0).map((outcome) => outcome.name)
  if (failed.length > 0) {
    console.error(`[run-parallel] failed: ${failed.join(', ')}`)
    process.exitCode = 1
  }
}
