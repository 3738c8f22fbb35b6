import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '~': fileURLToPath(new URL('./app', import.meta.url)) } },
  test: {
    include: ['app/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // One migrated database for the run, copied per test file (app/test/setup-db.ts).
    globalSetup: ['./app/test/migrated-template.ts'],
    setupFiles: ['./app/test/setup-db.ts', './app/test/setup-console.ts', './app/test/setup-msw.ts'],
    // Worker threads start a test file faster than forked processes: 8 route test files took 84 and
    // 56 s against 98 and 84 s with forks, alternating, at load average 13-15 on 2 cores.
    pool: 'threads',
    // vitest's default is one worker fewer than the cores: on this 2-core machine, one, so the other
    // core idled through the run (the fresh clone's 352 s was 308 s of one worker's set-up, imports
    // and tests back to back). A worker per core.
    maxWorkers: os.availableParallelism(),
    testTimeout: 20_000,
  },
})
