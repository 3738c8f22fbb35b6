import path from 'node:path'
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
  // The server and its seed run from the repository's root, as in the e2e suite.
  webServer: {
    ...(base.webServer as object),
    cwd: path.resolve(import.meta.dirname, '../..'),
  } as typeof base.webServer,
  workers: 1,
  timeout: 900_000,
  projects: [{ name: 'bench', use: { baseURL: base.use?.baseURL } }],
})
