import fs from 'node:fs/promises'
import { expect, makeUser, test, toast } from './fixtures'
import { signUpWithoutForm } from './user-fixtures'
import { insertWalletTopUp } from './payments-fixtures'

// The shipped rates (EXCHANGE_RATES_SOURCE=snapshot): 1 EUR = 1.16 USD, so $1,000 is about €862.07.
const ABOUT = '≈ €862.07'

test('a member shows approximate amounts in euros beside their dollars; the CSV export stays exact', async ({
  page,
}, testInfo) => {
  const freelancer = await signUpWithoutForm(page, testInfo, makeUser('freelancer'))
  await insertWalletTopUp(freelancer.email, {
    amountMinor: 100_000,
    currency: 'USD',
    at: Date.now(),
    description: 'Test top-up',
  })

  // Nothing approximate until chosen.
  await page.goto('/wallet')
  await expect(page.getByText('$1,000', { exact: true })).toBeVisible()
  await expect(page.getByText(/≈/)).toHaveCount(0)

  await page.goto('/settings/appearance')
  const choice = page.getByLabel('Show approximate amounts in')
  await expect(choice).toHaveValue('none')
  await choice.selectOption({ label: 'EUR — Euro' })
  await page.getByRole('button', { name: 'Save currency' }).click()
  await expect(toast(page)).toContainText('approximate amounts in Euro (EUR)')
  await expect(page.getByLabel('Show approximate amounts in')).toHaveValue('EUR')

  await page.goto('/wallet')
  const balances = page.getByRole('region', { name: 'Balances' })
  await expect(balances.getByText('$1,000', { exact: true })).toBeVisible()
  const about = balances.getByText(ABOUT, { exact: true })
  await expect(about).toBeVisible()
  await expect(about).toHaveAttribute('title', 'at 1 USD = 0.862069 EUR, MegiLance’s built-in rate of 1 Dec 2026')
  await expect(
    balances.getByText(/^≈ marks an approximate amount in Euro \(EUR\), at 1 USD = 0\.862069 EUR/),
  ).toBeVisible()

  await page.goto('/payments')
  await expect(page.getByText(/Net in USD\s*\+\$1,000/)).toBeVisible()
  await expect(page.getByText(ABOUT, { exact: true })).toBeVisible()

  // The export keeps the real amount and currency, and no "≈".
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /Download all 1 movement as CSV/ }).click(),
  ])
  const csv = await fs.readFile((await download.path())!, 'utf8')
  expect(csv).toContain(',1000.00,USD,')
  expect(csv).not.toContain('≈')
  expect(csv).not.toContain('EUR')

  // None turns it off again.
  await page.goto('/settings/appearance')
  await page.getByLabel('Show approximate amounts in').selectOption({ label: 'None — show only the real amounts' })
  await page.getByRole('button', { name: 'Save currency' }).click()
  await expect(toast(page)).toContainText('Approximate amounts are off')
  await page.goto('/wallet')
  await expect(page.getByText('$1,000', { exact: true })).toBeVisible()
  await expect(page.getByText(/≈/)).toHaveCount(0)
})
