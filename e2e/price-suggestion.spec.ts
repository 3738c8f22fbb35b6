import { expect, isJavaScriptEnabled, makeUser, newBrowserContext, test } from './fixtures'
import { signUpWithoutForm } from './user-fixtures'
import { insertAgreedBids } from './payments-fixtures'

test('posting a project shows what similar work cost, keeping what was typed', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000)
  const client = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const otherContext = await newBrowserContext(browser, testInfo)
  const freelancer = await signUpWithoutForm(await otherContext.newPage(), testInfo, makeUser('freelancer'))
  await otherContext.close()
  // A currency (one per project, as both share the database) nothing else uses, so the numbers are known.
  const [currency, symbol] = isJavaScriptEnabled(testInfo) ? ['CAD', 'CA$'] : ['AUD', 'A$']
  await insertAgreedBids(client.email, freelancer.email, {
    skill: 'Haskell',
    level: 'expert',
    currency,
    amountsMinor: [100_000, 200_000, 300_000, 400_000, 500_000],
  })

  await page.goto('/projects/new')
  const panel = page.getByRole('region', { name: 'What similar work costs' })
  await expect(panel).toContainText('Enter the skills')
  await page.getByLabel('Title').fill('Compiler plugin')
  await page.getByLabel('Skills').fill('haskell')
  await page.getByLabel('Currency').selectOption(currency)
  await page.getByRole('radio', { name: /^Expert/ }).check()
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
