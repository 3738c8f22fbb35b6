import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

const script = path.resolve('scripts/run-parallel.ts')
// The npm scripts run in a temporary folder, where `--import tsx` would not resolve.
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'run-parallel-'))
// Two scripts that each wait for the other's file, so they pass only when they run at the same time.
fs.writeFileSync(
  path.join(dir, 'package.json'),
  JSON.stringify({
    name: 'run-parallel-test',
    private: true,
    scripts: {
      first: `node -e "const fs=require('fs');fs.writeFileSync('first','');const t=Date.now();const i=setInterval(()=>{if(fs.existsSync('second')){clearInterval(i);console.log('first done')}else if(Date.now()-t>9000)process.exit(4)},20)"`,
      second: `node -e "const fs=require('fs');fs.writeFileSync('second','');const t=Date.now();const i=setInterval(()=>{if(fs.existsSync('first')){clearInterval(i);console.log('second done')}else if(Date.now()-t>9000)process.exit(4)},20)"`,
      fails: `node -e "console.log('about to fail');process.exit(3)"`,
    },
  }),
)
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

async function run(...names: string[]) {
  for (const file of ['first', 'second']) fs.rmSync(path.join(dir, file), { force: true })
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', tsx, script, ...names], { cwd: dir })
    return { code: 0, stdout }
  } catch (error) {
    const failed = error as { code: number; stdout: string }
    return { code: failed.code, stdout: failed.stdout }
  }
}

describe('run-parallel', () => {
  it('runs the npm scripts at the same time and passes when all pass', async () => {
    const { code, stdout } = await run('first', 'second')
    expect(code).toBe(0)
    expect(stdout).toContain('first done')
    expect(stdout).toContain('second done')
    expect(stdout).toMatch(/\[run-parallel\] first: passed/)
  })

  it('fails when any script fails, after printing its output', async () => {
    const { code, stdout } = await run('fails', 'first', 'second')
    expect(code).toBe(1)
    expect(stdout).toContain('about to fail')
    expect(stdout).toMatch(/\[run-parallel\] fails: failed \(exit code 3\)/)
    expect(stdout).toContain('second done')
  })
})
