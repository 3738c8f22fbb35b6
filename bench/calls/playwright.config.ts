import { defineConfig } from '@playwright/test'
import base from '../../playwright.config'

/**
 * `npm run bench:calls`: the e2e server (fresh seeded database, production build) with the call
 * mesh measurement as its only test. Not part of `npm test`: it takes minutes and loads every core.
 */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'call-mesh.bench.ts',
  globalSetup: undefined,
  workers: 1,
  timeout: 900_000,
  projects: [{ name: 'bench', use: { baseURL: base.use?.baseURL } }],
})
