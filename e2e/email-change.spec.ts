import { latestOutboxMessage, readCodeFromOutbox } from './db-fixtures'
import { expect, expectPath, makeUser, signIn, signOut, submitSignIn, test, toast, uniqueEmail } from './fixtures'
import { signUpWithoutForm } from './user-fixtures'

test('a user moves the account to a new email address with the code sent there', async ({ page }, testInfo) => {
  const user = await signUpWithoutForm(page, testInfo, makeUser('freelancer'))
  const newEmail = uniqueEmail('newaddress')

  await page.goto('/settings')
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Email' }).click()
  await expectPath(page, '/settings/email')
  await expect(page.getByText(`You sign in with ${user.email}.`)).toBeVisible()

  // A wrong password is refused and the address typed is kept.
  await page.getByLabel('New email address').fill(newEmail)
  await page.getByLabel('Your password').fill('not my password')
  await page.getByRole('button', { name: 'Send code' }).click()
  await expect(page.getByText('That password is not right')).toBeVisible()
  await expect(page.getByLabel('New email address')).toHaveValue(newEmail)

  await page.getByLabel('Your password').fill(user.password)
  await page.getByRole('button', { name: 'Send code' }).click()
  await expect(toast(page)).toHaveText('We sent a code to your new address. Enter it below.')
  await expect(page.getByText(`We sent a code to ${newEmail}.`)).toBeVisible()

  const code = await readCodeFromOutbox(newEmail, 'Your MegiLance code to confirm this address%')
  await page.getByLabel('Code from the email').fill(code)
  await page.getByRole('button', { name: 'Change email address' }).click()
  await expect(toast(page)).toHaveText(`Your email address is now ${newEmail}. Sign in with it from now on.`)
  await expect(page.getByText(`You sign in with ${newEmail}.`)).toBeVisible()

  // The old address is told, with the new one masked.
  const alert = await latestOutboxMessage(user.email, 'Your MegiLance email address was changed')
  expect(alert?.text).toContain('changed to n•••@e2e.megilance.test')

  // The security log shows it.
  await page.goto('/settings/security/log')
  await expect(
    page
      .getByRole('list', { name: 'Security events' })
      .getByRole('listitem')
      .filter({ hasText: 'Email address changed' }),
  ).toContainText('High')

  // The old address no longer signs in; the new one does.
  await signOut(page)
  await submitSignIn(page, user)
  await expect(page.getByRole('alert')).toHaveText('The email or password is not right.')
  await signIn(page, { email: newEmail, password: user.password }, 'freelancer')
})
