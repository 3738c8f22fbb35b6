import { expect, isJavaScriptEnabled, makeUser, test } from './fixtures'
import { signUpWithoutForm } from './user-fixtures'
import { insertAgreedBids } from './payments-fixtures'

test('posting a project shows what similar work cost, keeping what was typed', async ({ page }, testInfo) => {
  test.setTimeout(120_000)
  await signUpWithoutForm(page, testInfo, makeUser('client'))
  // A currency (one per project, as both share the database) nothing else uses, so the numbers are known.
  const [currency, symbol] = isJavaScriptEnabled(testInfo) ? ['CAD', 'CA$'] : ['AUD', 'A$']
  const bids = { skill: 'Haskell', level: 'expert', currency } as const
  await insertAgreedBids({ ...bids, amountsMinor: [300_000] })

  await page.goto('/projects/new')
  const panel = page.getByRole('region', { name: 'What similar work costs' })
  await expect(panel).toContainText('Enter the skills')
  await page.getByLabel('Title').fill('Compiler plugin')
  await page.getByLabel('Skills').fill('haskell')
  await page.getByLabel('Currency').selectOption(currency)
  await page.getByRole('radio', { name: /^Expert/ }).check()
  await panel.getByRole('button', { name: 'Suggest a budget' }).click()

  // One agreed bid is one person's price: it is counted, never shown.
  await expect(panel).toContainText(
    `No suggestion yet: 1 bid for similar work was agreed in ${currency}; a figure is shown from 5 different freelancers' bids.`,
  )
  await expect(panel).not.toContainText('3,000')

  await insertAgreedBids({ ...bids, amountsMinor: [100_000, 200_000, 400_000, 500_000] })
  await panel.getByRole('button', { name: 'Suggest a budget' }).click()
  await expect(panel).toContainText(`Suggested budget: ${symbol}2,000 – ${symbol}4,000`)
  await expect(panel).toContainText('Low confidence (n = 5)')
  await expect(panel).toContainText(`Only ${currency} data is used`)
  await expect(panel.getByRole('listitem').filter({ hasText: 'Accepted fixed-price bids' })).toHaveText(
    `Accepted fixed-price bids (n = 5): 25th percentile ${symbol}2,000, median ${symbol}3,000, 75th percentile ${symbol}4,000`,
  )
  await expect(page.getByLabel('Title')).toHaveValue('Compiler plugin')
  await expect(page.getByLabel('Skills')).toHaveValue('haskell')
  await expect(page.getByText('Describe the work')).toHaveCount(0)
})
