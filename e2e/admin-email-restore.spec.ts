import { replaceBackupCodes } from '~/models/backup-codes.server'
import { latestOutboxMessage, readCodeFromOutbox, userIdByEmail } from './db-fixtures'
import { giveWalletAndCryptoMethod } from './payout-fixtures'
import { wcagViolationsInBothThemes } from './axe-audit'
import {
  expect,
  expectPath,
  isJavaScriptEnabled,
  makeUser,
  signIn,
  submitSignIn,
  test,
  toast,
  uniqueEmail,
} from './fixtures'
import { signUpWithoutForm } from './user-fixtures'

test('an admin puts back the address a member had before a takeover moved it', async ({
  page,
  adminPage,
}, testInfo) => {
  // The member's address is moved, with the code sent to the new one, as whoever took the account would.
  const user = await signUpWithoutForm(page, testInfo, makeUser('freelancer'))
  const takerEmail = uniqueEmail('taker')
  await page.goto('/settings/email')
  await page.getByLabel('New email address').fill(takerEmail)
  await page.getByLabel('Your password').fill(user.password)
  await page.getByRole('button', { name: 'Send code' }).click()
  await expect(toast(page)).toHaveText('We sent a code to your new address. Enter it below.')
  await page
    .getByLabel('Code from the email')
    .fill(await readCodeFromOutbox(takerEmail, 'Your MegiLance code to confirm this address%'))
  await page.getByRole('button', { name: 'Change email address' }).click()
  await expect(page.getByText(`You sign in with ${takerEmail}.`)).toBeVisible()
  // Then they add backup codes and a wallet of their own, and ask for a payout to it.
  await replaceBackupCodes(await userIdByEmail(takerEmail), ['e2e-hash-1', 'e2e-hash-2'], new Date())
  await giveWalletAndCryptoMethod(takerEmail, 30_000, '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045')
  await page.goto('/payouts')
  await page.getByLabel('Amount').fill('120')
  await page.getByRole('button', { name: 'Review payout' }).click()
  await page
    .getByRole('region', { name: 'Review your payout' })
    .getByRole('button', { name: 'Confirm payout of $120' })
    .click()
  await expect(toast(page)).toContainText('Payout requested')

  // The admin page shows the history in full, and the earlier address to put back.
  await adminPage.goto(`/admin/users?${new URLSearchParams({ q: takerEmail })}`)
  await adminPage.getByRole('link', { name: user.name }).click()
  await expect(adminPage.getByRole('heading', { level: 1, name: user.name })).toBeVisible()
  const history = adminPage.getByRole('region', { name: 'Email address history' })
  const row = history.getByRole('row').filter({ hasText: takerEmail })
  await expect(row).toContainText(user.email)
  await expect(row).toContainText('Code sent to the new address')
  // Before anything is sent, the admin sees what the restore also takes off, with when.
  const effects = history.getByRole('region', { name: 'This restore also removes' })
  await expect(effects.getByRole('listitem')).toHaveText([
    /^Backup codes \(2 of 2 unused\), added \d+ \w+ \d{4}, \d\d:\d\d UTC$/,
    /^Payout method: USDC on Ethereum to 0xd8dA…6045, added .+UTC\$120 payout requested .+: not sent yet, will be held for review$/,
    /^\$120 payout requested .+ UTC: not sent yet, will be held for review$/,
  ])

  // A reason is required, and what was chosen stays.
  await history.getByRole('button', { name: 'Restore this address' }).click()
  await expect(history.getByText('Give the reason the member will see')).toBeVisible()
  await expect(history.getByRole('radio', { name: user.email })).toBeChecked()
  // The page with its history, the form and its message passes the WCAG AA checks (axe runs in the page's JavaScript).
  if (isJavaScriptEnabled(testInfo)) expect(await wcagViolationsInBothThemes(adminPage)).toEqual([])

  const reason = 'The member wrote from the old address: the account was taken over.'
  await history.getByLabel('Reason sent to the member').fill(reason)
  await history.getByRole('button', { name: 'Restore this address' }).click()
  await expect(toast(adminPage)).toHaveText(
    `${user.name}’s address is ${user.email} again; they are signed out everywhere and told by email. Removed 1 second factor and 1 payout method added since. 1 payout is held for review on Payouts.`,
  )
  await expect(adminPage.getByText(`${user.email} · `)).toBeVisible()
  await expect(history.getByRole('row').filter({ hasText: 'Put back by' })).toContainText(reason)
  await expect(history.getByRole('button', { name: 'Restore this address' })).toHaveCount(0)

  // The restored address is told, the member (and whoever took over) is signed out, and the old address signs in.
  const told = await latestOutboxMessage(user.email, 'Your MegiLance email address was put back')
  expect(told?.text).toContain(reason)
  expect(told?.text).toContain('  - Backup codes (2 of 2 unused), added ')
  expect(told?.text).toContain('  - Payout method: USDC on Ethereum to 0xd8dA…6045, added ')
  expect(told?.text).toMatch(/held for an administrator[^]*- \$120 to USDC on Ethereum to 0xd8dA…6045, requested /)
  await adminPage.goto('/admin/payouts?status=held&rail=crypto')
  await expect(adminPage.getByRole('article', { name: `Payout $120 to ${user.name}` })).toContainText(
    'put back after a takeover',
  )
  await page.reload()
  await expectPath(page, '/sign-in')
  await page.goto('/sign-in')
  await submitSignIn(page, { email: takerEmail, password: user.password })
  await expect(page.getByRole('alert')).toHaveText('The email or password is not right.')
  await signIn(page, user, 'freelancer')
  await page.goto('/settings/security/log')
  await expect(
    page
      .getByRole('list', { name: 'Security events' })
      .getByRole('listitem')
      .filter({ hasText: 'Email address restored by an administrator' }),
  ).toContainText('High')
})
