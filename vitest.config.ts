import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '~': fileURLToPath(new URL('./app', import.meta.url)) } },
  test: {
    include: ['app/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['./app/test/setup-db.ts', './app/test/setup-console.ts', './app/test/setup-msw.ts'],
    pool: 'forks',
    testTimeout: 20_000,
  },
})
