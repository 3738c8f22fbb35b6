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
    pool: 'forks',
    testTimeout: 20_000,
  },
})
