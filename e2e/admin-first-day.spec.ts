import { eq } from 'drizzle-orm'
import { getDb } from '~/models/db.server'
import { disputes, milestones } from '~/models/schema'
import { createFixedContract } from './contract-fixtures'
import { userIdByEmail } from './db-fixtures'
import type { Locator } from '@playwright/test'
import { expect, makeUser, type Page, test } from './fixtures'
import { plantCardTestingRun } from './fraud-fixtures'
import { signUpWithoutForm } from './user-fixtures'

// What a new admin found on a 360 px phone on their first day (each check failed before its fix).

/** Wholly within the phone's width. */
async function expectWithin360(item: Locator) {
  const box = await item.boundingBox()
  expect(box, 'shown').not.toBeNull()
  expect(box!.x + box!.width, `${await item.textContent()} ends on the screen`).toBeLessThanOrEqual(360)
}

/** Every figure of a row of stats is on one line ("$2,957.38" broke after "$2,957.3"). */
async function expectFiguresOnOneLine(page: Page) {
  const figures = page.locator('.stat__value:not(.stat__value--text)')
  await expect(figures.first()).toBeVisible()
  for (const figure of await figures.all()) {
    const lines = await figure.evaluate((el) => {
      const range = document.createRange()
      range.selectNodeContents(el)
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size
    })
    expect(lines, `${await figure.textContent()} is on one line`).toBe(1)
  }
}

test.beforeEach(async ({ adminPage }) => {
  await adminPage.setViewportSize({ width: 360, height: 740 })
})

test('on a phone the ledger’s latest transactions show every amount, and the figures of analytics fit their cards', async ({
  adminPage: page,
}) => {
  await page.goto('/admin/ledger')
  const latest = page.getByRole('table', { name: 'Latest ledger transactions with their entries, newest first' })
  const entries = latest.getByRole('listitem')
  await expect(entries.first()).toBeVisible()
  for (const entry of await entries.all()) await expectWithin360(entry)
  // Nor hidden past the edge of the table's own sideways-scrolling box (the amounts were cut off there).
  const hidden = await latest.evaluate((table) => table.parentElement!.scrollWidth - table.parentElement!.clientWidth)
  expect(hidden, 'px of the table scrolled out of sight').toBe(0)

  await page.goto('/admin/analytics')
  await expect(page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible()
  await expectFiguresOnOneLine(page)
  await page.goto('/admin')
  await expectFiguresOnOneLine(page)
})

test('the disputes list says the money at stake, and a churn-risk account leads to its page', async ({
  page,
  adminPage,
}, testInfo) => {
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const freelancer = await signUpWithoutForm(page, testInfo, makeUser('freelancer'))
  const { contractId, title } = await createFixedContract(client.email, freelancer.email, {
    milestones: [{ title: 'Checkout pages', amountMinor: 40_000 }],
  })
  const [milestone] = getDb().select().from(milestones).where(eq(milestones.contractId, contractId)).all()
  getDb()
    .insert(disputes)
    .values({
      id: crypto.randomUUID(),
      contractId,
      milestoneId: milestone!.id,
      openedBy: await userIdByEmail(client.email),
      amountMinor: 40_000,
      reason: 'Half of the pages are missing from the delivery.',
    })
    .run()

  await adminPage.goto('/admin/disputes')
  const row = adminPage.getByRole('row').filter({ has: adminPage.getByRole('link', { name: title }) })
  await expect(row.getByRole('cell', { name: '$400' })).toBeVisible()
  await row.getByRole('link', { name: title }).click()
  await expect(adminPage.getByRole('heading', { level: 1, name: 'Dispute' })).toBeVisible()

  await adminPage.goto('/admin/churn')
  const account = adminPage.getByRole('table', { name: 'Accounts by churn risk' }).getByRole('link').first()
  const name = (await account.textContent())!
  await account.click()
  await expect(adminPage.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect(adminPage).toHaveURL(/\/admin\/users\/[^/]+$/)

  // A filter that matches nothing says so; the unfiltered empty desk's words are in the route test.
  await adminPage.goto(`/admin/fraud?person=${encodeURIComponent(freelancer.email)}`)
  await expect(adminPage.getByText('No alerts match these filters.')).toBeVisible()
})

test('a period refused on analytics keeps the dates typed, to correct rather than retype', async ({
  adminPage: page,
}) => {
  await page.goto('/admin/analytics')
  const period = page.getByRole('form', { name: 'Period' })
  await period.getByLabel('Period').selectOption({ label: 'Custom dates' })
  await period.getByLabel('From').fill('2026-12-05')
  await period.getByLabel('To').fill('2026-11-01')
  await period.getByRole('button', { name: 'Show' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'The last day must not be before the first.' })).toBeVisible()
  await expect(page).toHaveURL((url) => url.searchParams.get('to') === '2026-11-01')
  await expect(period.getByLabel('Period')).toHaveValue('custom')
  await expect(period.getByLabel('From')).toHaveValue('2026-12-05')
  await expect(period.getByLabel('To')).toHaveValue('2026-11-01')
  await expect(period.getByLabel('To')).toHaveAccessibleDescription(/Showing the last 30 days/)
})

test('a fraud alert gives its score out of 100 and its small amounts with their unit', async ({ adminPage: page }) => {
  const tester = await plantCardTestingRun()
  await page.goto(`/admin/fraud?person=${encodeURIComponent(tester.email)}`)
  const row = page.getByRole('row').filter({ hasText: tester.email })
  await expect(row).toContainText(/\d+ \/ 100/)
  await row.getByRole('link', { name: 'Card testing' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Card testing: ${tester.name}` })).toBeVisible()
  await expect(page.getByText(/^Score \d+ of 100 ·/)).toBeVisible()
  await expect(
    page.getByText('7 of the attempts were for small amounts (5.00 or less in the payment’s currency).'),
  ).toBeVisible()
})

test('the matching weights on AI monitoring say what a weight is and what they add up to', async ({
  adminPage: page,
}) => {
  await page.goto('/admin/ai')
  const matching = page.getByRole('region', { name: 'Matching' })
  await expect(matching).toContainText(
    'A match is a score out of 100. Each weight below is the most points its factor can give',
  )
  const weights = matching.getByRole('table', { name: 'Matching weights, in points out of 100' })
  await expect(weights.getByRole('columnheader', { name: 'In force' })).toBeVisible()
  // A total row: the published weights add up to 100 (a fitted set, rounded, may be a little off).
  await expect(weights.getByRole('row', { name: /^All factors 100 \d+(\.\d)?$/ })).toBeVisible()
  await expectWithin360(weights)
})
