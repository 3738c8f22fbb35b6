import { expect, test } from './fixtures'

test('an admin sees the ledger health: every invariant, totals and the latest transactions', async ({
  adminPage: page,
}) => {
  await page.getByRole('navigation', { name: 'Admin portal' }).getByRole('link', { name: 'Ledger health' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Ledger health' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Invariants: all hold' })).toBeVisible()
  const invariants = page.getByRole('table', { name: 'Ledger invariants' })
  for (const name of [
    'Entries sum to zero in every currency',
    'Every transaction is balanced',
    'No wallet or escrow below zero',
  ]) {
    await expect(invariants.getByRole('row', { name: new RegExp(name) })).toContainText('OK')
  }
  await expect(page.getByRole('heading', { name: 'Totals per account kind and currency' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Latest transactions' })).toBeVisible()
})
