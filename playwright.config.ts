import path from 'node:path'
import { defineConfig, devices } from '@playwright/test'
import { CHROMIUM_LAUNCH } from './e2e/chromium-launch'

const PORT = Number(process.env.E2E_PORT ?? 3101)
// One database per port, so two runs on different ports never share (or delete) each other's.
const DATABASE_PATH = path.resolve(`e2e/.tmp/e2e-${PORT}.db`)

// Workers read the same database the server writes (for fixtures), so the path is fixed.
process.env.E2E_DATABASE_PATH = DATABASE_PATH
// The no-js tests keep each kind of page's HTML here; e2e/html-check.ts validates it after the run.
process.env.E2E_HTML_DIR = path.resolve(`e2e/.tmp/html-${PORT}`)
// Fixtures sign some browsers in by writing a session, as the server would after a sign-in.
const SESSION_SECRET = 'e2e-session-secret-that-is-long-enough-123'
process.env.E2E_SESSION_SECRET = SESSION_SECRET

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: 2,
  // One retry: on a loaded 2-core machine a browser can miss a deadline; the list reporter names
  // every test that needed it ("flaky"), and a test that fails twice still fails the run.
  retries: 1,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 7_000 },
  // The JSON report keeps every test's duration, to find the slow ones (e2e/.tmp is not committed).
  reporter: [['list'], ['json', { outputFile: `e2e/.tmp/report-${PORT}.json` }]],
  globalSetup: './e2e/html-check.ts',
  use: {
    baseURL: `http://localhost:${PORT}`,
    // Recording traces costs about a sixth of the suite's CPU (measured on auth + settings specs: 135 s → 113 s);
    // E2E_TRACE=1 records them again, kept for failed tests only.
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
    launchOptions: CHROMIUM_LAUNCH,
  },
  projects: [
    { name: 'js', use: { ...devices['Desktop Chrome'], javaScriptEnabled: true, launchOptions: CHROMIUM_LAUNCH } },
    // `*-live.spec.ts` tests what only JavaScript can do (live updates), so they run with it only;
    // `*-server.spec.ts` starts server processes of its own, which no browser setting changes, so it runs once.
    {
      name: 'no-js',
      testIgnore: /-(live|server)\.spec\.ts$/,
      use: { ...devices['Desktop Chrome'], javaScriptEnabled: false, launchOptions: CHROMIUM_LAUNCH },
    },
  ],
  webServer: {
    // A fresh seeded database for every run, then the production build. (`node --import tsx`, not
    // `npx tsx`: no npx lookup and no second process, about 1 s of CPU less.)
    command: `mkdir -p e2e/.tmp && rm -f ${DATABASE_PATH} ${DATABASE_PATH}-wal ${DATABASE_PATH}-shm && node --import tsx scripts/seed.ts && node --import tsx server/index.ts`,
    url: `http://localhost:${PORT}/healthz`,
    reuseExistingServer: false,
    // Seeding 550 accounts (one shared argon2 hash) and starting take a while on a busy 2-core machine.
    timeout: 180_000,
    env: {
      NODE_ENV: 'production',
      // The seeded demo data: a production start refuses it (and the seed skips it) without DEMO.
      DEMO: 'true',
      PORT: String(PORT),
      // One web worker unless a run asks for more (E2E_WEB_WORKERS=2 checks calls across workers).
      WEB_WORKERS: process.env.E2E_WEB_WORKERS ?? '1',
      DATABASE_PATH,
      SESSION_SECRET,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000',
      AUTH_RATE_LIMIT_PER_15_MINUTES: '100000',
      // Tests set X-Forwarded-For to sign in "from" other places (risk engine, IP lists).
      TRUST_PROXY: 'true',
      // The weekly invoicing job would race the hourly spec's own "Send invoice"; a backup of a throwaway
      // database is wasted work (both are tested in vitest).
      DISABLED_JOBS: 'hourly-invoicing,daily-backup',
    },
  },
})
