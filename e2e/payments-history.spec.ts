import fs from 'node:fs/promises'
import { expect, makeUser, type Page, test, toast } from './fixtures'
import { createAccountWithoutBrowser, signUpWithoutForm } from './user-fixtures'
import { createFixedContract } from './contract-fixtures'
import { insertWalletTopUp } from './payments-fixtures'

async function payByCard(page: Page, number: string, amount = '$500') {
  await page.getByLabel('Name on card').fill('Carmen Tester')
  await page.getByLabel('Card number').fill(number)
  await page.getByLabel('Expiry (MM/YY)').fill('12/30')
  await page.getByLabel('Security code').fill('123')
  await page.getByRole('button', { name: `Pay ${amount}` }).click()
}

async function clearFilters(page: Page) {
  await page.getByRole('link', { name: 'Clear filters' }).click()
  await expect(page).toHaveURL((url) => url.pathname === '/payments' && url.search === '')
  await expect(page.getByRole('link', { name: 'Clear filters' })).toHaveCount(0)
}

function movements(page: Page) {
  return page.getByRole('table', { name: 'Payments, newest first' }).getByRole('row')
}

async function filter(page: Page, fields: { type?: string; from?: string; to?: string; q?: string }) {
  const form = page.getByRole('search', { name: 'Filter payments' })
  if (fields.type !== undefined) await form.getByLabel('Type').selectOption({ label: fields.type })
  if (fields.from !== undefined) await form.getByLabel('From (UTC)').fill(fields.from)
  if (fields.to !== undefined) await form.getByLabel('To (UTC)').fill(fields.to)
  if (fields.q !== undefined) await form.getByLabel('Search descriptions').fill(fields.q)
  await form.getByRole('button', { name: 'Filter' }).click()
}

test('payment history: every movement, filters by type and date, search, and a CSV of the filtered rows', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000)
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const freelancer = await createAccountWithoutBrowser(makeUser('freelancer'))
  const { contractId } = await createFixedContract(client.email, freelancer.email, {
    milestones: [
      { title: 'Design', amountMinor: 50_000 },
      { title: 'Build', amountMinor: 30_000 },
    ],
  })
  await insertWalletTopUp(client.email, {
    amountMinor: 2_500,
    currency: 'EUR',
    at: Date.UTC(2025, 0, 15, 12),
    description: 'Top-up from January',
  })

  // One milestone paid by card; for the other only a declined attempt, which is listed but moves nothing.
  await page.goto(`/contracts/${contractId}`)
  await page.getByRole('article', { name: '1. Design' }).getByRole('button', { name: 'Fund $500' }).click()
  await payByCard(page, '4242 4242 4242 4242')
  await expect(toast(page)).toHaveText('Payment received: $500 is held in escrow.')
  await page.getByRole('article', { name: '2. Build' }).getByRole('button', { name: 'Fund $300' }).click()
  await payByCard(page, '4000 0000 0000 0002', '$300')
  await expect(page.getByText('Your card was declined.')).toBeVisible()

  await page.getByRole('navigation', { name: 'Client portal' }).getByRole('link', { name: 'Payments' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Payments' })).toBeVisible()
  await expect(movements(page)).toHaveCount(1 + 4)
  await expect(page.getByText('Card payment for “Build”: Your card was declined.')).toBeVisible()
  await expect(page.getByText(/Net in USD\s*−\$500/)).toBeVisible()
  await expect(page.getByText(/Net in EUR\s*\+€25/)).toBeVisible()

  await filter(page, { type: 'Card payment' })
  await expect(page).toHaveURL((url) => url.searchParams.get('type') === 'card_payment')
  await expect(movements(page)).toHaveCount(1 + 2)
  await expect(page.getByRole('search', { name: 'Filter payments' }).getByLabel('Type')).toHaveValue('card_payment')
  const declined = movements(page).filter({ hasText: 'Your card was declined.' })
  await expect(declined).toContainText('Declined')
  await expect(movements(page).filter({ hasText: 'card ending 4242' })).toContainText('Completed')

  // The CSV holds exactly the filtered rows.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /Download these 2 movements as CSV/ }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^megilance-payments-\d{4}-\d{2}-\d{2}\.csv$/)
  const csv = (await fs.readFile((await download.path())!, 'utf8')).trim().split('\n')
  expect(csv[0]).toBe('Date (UTC),Type,Account,Description,Amount,Currency,Status,Counts in net,Reference')
  expect(csv).toHaveLength(3)
  expect(csv.slice(1).every((line) => line.includes(',Card payment,Card,'))).toBe(true)
  expect(
    csv.some((line) => line.includes('Your card was declined.') && line.includes(',-300.00,USD,Declined,no,')),
  ).toBe(true)

  await clearFilters(page)
  await filter(page, { from: '2025-01-01', to: '2025-01-31' })
  await expect(movements(page)).toHaveCount(1 + 1)
  await expect(movements(page).nth(1)).toContainText('Top-up from January')
  await expect(movements(page).nth(1)).toContainText('+€25')

  await clearFilters(page)
  await filter(page, { q: 'design' })
  // The card payment and the escrow funding mention the milestone.
  await expect(movements(page)).toHaveCount(1 + 2)
  await expect(page.getByText('Your card was declined.')).toHaveCount(0)
  await expect(page.getByText('Top-up from January')).toHaveCount(0)

  // Nothing matches: nothing is offered for download.
  await clearFilters(page)
  await filter(page, { q: 'no-such-payment' })
  await expect(page.getByText('No payment matches these filters.')).toBeVisible()
  await expect(page.getByRole('link', { name: /as CSV/ })).toHaveCount(0)
})
