import Database from 'better-sqlite3'
import type { TestInfo } from '@playwright/test'
import { DEMO_ACCOUNTS, expect, type Page, test } from './fixtures'
import {
  expectNothingListening,
  runNodeScript,
  separateServer,
  stop,
  stopAll,
  type Started,
  waitForHealthy,
} from './process-fixtures'

// About the server process, not the page, so it runs in the js project only (playwright.config.ts).
test.afterEach(stopAll)

/**
 * The page first: a live page keeps asking the server for routes it may need (Remix's lazy route
 * discovery), and one asked after the server stopped is logged as a failed fetch.
 */
async function closeThenStop(page: Page, server: Started) {
  await page.close()
  await stop(server)
}

const banner = (page: Page) => page.getByRole('complementary', { name: 'Demo data' })

/** A production start's environment, on the test's own port and database file. */
async function production(testInfo: TestInfo) {
  const { port, databasePath, baseURL } = separateServer(testInfo)
  await expectNothingListening(baseURL)
  const env = {
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_PATH: databasePath,
    LOG_LEVEL: 'warn',
    DISABLED_JOBS: 'hourly-invoicing',
  }
  return { databasePath, baseURL, env }
}

// Two tests, not one journey: each starts its own servers, so the two workers run them side by side.
test('production starts on an empty database with no demo accounts', async ({ page }, testInfo) => {
  const { databasePath, baseURL, env } = await production(testInfo)

  // The container's start (Dockerfile CMD) on an empty database: no demo accounts, and a warning
  // that codes would sit in the outbox. (scripts/seed/demo-data.test.ts: the seed adds none either.)
  const server = runNodeScript('server/index.ts', [], env)
  try {
    await waitForHealthy(server, baseURL)
    await page.goto(`${baseURL}/sign-in`)
    await expect(banner(page)).toHaveCount(0)
    await page.getByLabel('Email').fill(DEMO_ACCOUNTS.admin.email)
    await page.getByLabel('Password (required)', { exact: true }).fill(DEMO_ACCOUNTS.admin.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByText('The email or password is not right.')).toBeVisible()
    expect(server.output()).toContain('SMTP_URL is not set')
  } finally {
    await closeThenStop(page, server)
  }
  const db = new Database(databasePath)
  try {
    expect(db.prepare('select count(*) as n from users').get()).toEqual({ n: 0 })
  } finally {
    db.close()
  }
})

test('production refuses a database with demo accounts, and DEMO=true runs it', async ({ page }, testInfo) => {
  test.slow() // a migration and two server starts
  const { databasePath, baseURL, env } = await production(testInfo)
  // The migration alone (`npm run db:migrate`) makes the tables, a fraction of a server start.
  expect(await runNodeScript('scripts/migrate.ts', [], env).exited).toBe(0)
  const db = new Database(databasePath)
  try {
    // Give the database one demo account, as the seed would.
    db.prepare(
      "insert into users (id, email, name, role, password_hash) values ('demo-1', 'admin@megilance.test', 'Ada Admin', 'admin', 'x')",
    ).run()
    db.prepare("insert into demo_accounts (user_id) values ('demo-1')").run()
  } finally {
    db.close()
  }

  // A production start refuses it, and says how to fix it…
  const refused = runNodeScript('server/index.ts', [], env)
  expect(await refused.exited).toBe(1)
  expect(refused.output()).toMatch(/Refusing to start: the database .* holds 1 demo accounts/)
  expect(refused.output()).toContain('DEMO=true')
  expect(refused.output()).toContain('npm run create-admin')

  // …while the demo, started on purpose, runs and says so.
  const demo = runNodeScript('server/index.ts', [], { ...env, DEMO: 'true' })
  try {
    await waitForHealthy(demo, baseURL)
    await page.goto(`${baseURL}/`)
    await expect(banner(page)).toContainText('Demo data.')
    expect(demo.output()).not.toContain('SMTP_URL is not set')
  } finally {
    await closeThenStop(page, demo)
  }
})
