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
    testTimeout: 20_000,
  },
})
