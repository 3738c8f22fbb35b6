import type { Page } from '@playwright/test'
import { confirmWithEmailCode, expect, expectPath, makeUser, test, toast } from './fixtures'
import { signUpWithoutForm } from './user-fixtures'

// How the site is set up (keys, settings, "sandbox", "installation") is for its operators; members
// read what they can do. The demo banner may say the payments are a test; the page itself names no setting.
const OPERATOR_WORDS = /installation|stripe key|sandbox|adapter|environment variable|STRIPE_|outbox/i

async function expectMemberWording(page: Page) {
  await expect(page.locator('main')).not.toHaveText(OPERATOR_WORDS)
}

test('the payout pages tell a freelancer what they can do, and a test bank account is added', async ({
  page,
}, testInfo) => {
  const freelancer = await signUpWithoutForm(page, testInfo, makeUser('freelancer'), { at: '/payouts' })
  await expectMemberWording(page)
  await page.goto('/payouts/methods')
  await page.getByRole('link', { name: 'Confirm it is you' }).click()
  await confirmWithEmailCode(page, freelancer.email)
  await expectPath(page, '/payouts/methods')
  const bank = page.getByRole('region', { name: 'Add a bank account' })
  await expect(bank).toContainText('This site is in test mode')
  await expectMemberWording(page)

  await bank.getByRole('button', { name: 'Add bank account' }).click()
  await expectPath(page, '/payouts/bank')
  await expect(page.getByRole('heading', { name: 'Test mode No real account is connected' })).toBeVisible()
  await expectMemberWording(page)
  await page.getByLabel('Account holder name').fill(freelancer.name)
  await page.getByLabel('Country of the bank').selectOption({ label: 'Germany' })
  await page.getByLabel('IBAN or account number').fill('DE89370400440532013000')
  await page.getByRole('button', { name: 'Add bank account' }).click()
  await expect(toast(page)).toHaveText('Bank account ending 3000 added (test account).')
  await expect(page.getByRole('list', { name: 'Your payout methods' })).toContainText(
    `${freelancer.name}, bank account ending 3000 (test account)`,
  )
  await expectMemberWording(page)
})

test('the card page tells a client about test cards without naming the setup', async ({ page }, testInfo) => {
  await signUpWithoutForm(page, testInfo, makeUser('client'), { at: '/settings/billing/card' })
  await expect(page.getByRole('heading', { name: 'Test mode Save a card' })).toBeVisible()
  await expectMemberWording(page)
  await page.goto('/settings/security/phone')
  await expectMemberWording(page)
})
