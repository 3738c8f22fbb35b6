import { wcagViolations } from './axe-audit'
import { expect, isJavaScriptEnabled, makeUser, type Page, test, toast } from './fixtures'
import { signUpWithoutForm } from './user-fixtures'
import { insertSessionCookie, userIdByEmail } from './db-fixtures'
import { giveWalletAndCryptoMethod } from './payout-fixtures'

test('an admin holds a payout with a reason the freelancer sees, then releases it', async ({
  page,
  adminPage,
}, testInfo) => {
  test.setTimeout(90_000)
  const freelancer = await signUpWithoutForm(page, testInfo, makeUser('freelancer'))
  await giveWalletAndCryptoMethod(freelancer.email, 30_000, '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045')
  await page.context().addCookies([await insertSessionCookie(freelancer.email, testInfo.project.use.baseURL!)])

  // A standard payout waits in "Requested" for the review window.
  await page.goto('/payouts')
  await page.getByLabel('Amount').fill('120')
  await page.getByRole('button', { name: 'Review payout' }).click()
  await page
    .getByRole('region', { name: 'Review your payout' })
    .getByRole('button', { name: 'Confirm payout of $120' })
    .click()
  await expect(toast(page)).toHaveText(
    'Payout requested: $120 to USDC on Ethereum to 0xd8dA…6045. It arrives within 1 hour.',
  )
  const row = page
    .getByRole('table', { name: 'Your payouts, newest first' })
    .getByRole('row')
    .filter({ hasText: 'USDC on Ethereum' })
  await expect(row).toContainText('Requested')

  await adminPage.goto('/admin/payouts?status=requested&rail=crypto')
  const payout = adminPage.getByRole('article', { name: `Payout $120 to ${freelancer.name}` })
  // Whose payout it is leads to their account, where a hold is decided.
  await expect(payout.getByRole('link', { name: freelancer.name })).toHaveAttribute(
    'href',
    `/admin/users/${await userIdByEmail(freelancer.email)}`,
  )
  await payout
    .getByLabel(`Reason for the payout of $120 to ${freelancer.name}`)
    .fill('First payout to a new wallet: checking it')
  await payout.getByRole('button', { name: 'Hold' }).click()
  await expect(toast(adminPage)).toHaveText('The payout is held.')

  await page.reload()
  await expect(row).toContainText('Held for review')
  await expect(row).toContainText('Reason: First payout to a new wallet: checking it')
  await page.goto('/notifications')
  await expect(page.getByText('Your payout of $120 is held for review')).toBeVisible()

  await adminPage.goto('/admin/payouts?status=held')
  await payout
    .getByLabel(`Reason for the payout of $120 to ${freelancer.name}`)
    .fill('Wallet confirmed with the freelancer')
  await payout.getByRole('button', { name: 'Release' }).click()
  await expect(toast(adminPage)).toHaveText('The payout is released and sent.')
  // Filtered to held payouts, it is gone from the list.
  await expect(payout).toHaveCount(0)

  await page.goto('/payouts')
  await expect(row).toContainText('Sent (test mode)')
  await expect(row).toContainText('Reason: Wallet confirmed with the freelancer')

  // The payout pages pass the WCAG 2.1 AA checks (axe runs as a script, so in the JavaScript project).
  if (isJavaScriptEnabled(testInfo)) {
    await expectNoViolations(page, '/payouts')
    await expectNoViolations(page, '/payouts/methods')
    await expectNoViolations(page, '/payouts/bank')
    await expectNoViolations(adminPage, '/admin/payouts')
  }
})

async function expectNoViolations(page: Page, path: string) {
  expect(await wcagViolations(page, path)).toEqual([])
}
