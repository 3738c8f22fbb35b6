import { readCodeFromOutbox } from './db-fixtures'
import { expect, expectPath, expectPortal, makeUser, signOut, submitSignIn, test, toast } from './fixtures'
import { signUpWithoutForm } from './user-fixtures'
import { confirmPassword } from './step-up-helpers'

test('a user turns on email codes and then signs in with one', async ({ page }, testInfo) => {
  const user = await signUpWithoutForm(page, testInfo, makeUser('client'), { at: '/settings/security' })
  await expect(
    page.getByRole('list', { name: 'Second-factor methods' }).getByRole('listitem').filter({ hasText: 'Email codes' }),
  ).toContainText('Off')
  await page.getByRole('link', { name: 'Manage email codes' }).click()
  await expectPath(page, '/settings/security/email-codes')
  // A first second factor asks for the password again.
  await page.getByRole('button', { name: 'Send me a code' }).click()
  await confirmPassword(page, user.password)
  await expectPath(page, '/settings/security/email-codes')
  await page.getByRole('button', { name: 'Send me a code' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'We sent a code' })).toBeVisible()
  const code = await readCodeFromOutbox(user.email, 'Your MegiLance security code%')
  await page.getByLabel('Code').fill(code)
  await page.getByRole('button', { name: 'Turn on' }).click()
  await expect(toast(page)).toHaveText('Email codes are on.')
  await expect(
    page.getByRole('list', { name: 'Second-factor methods' }).getByRole('listitem').filter({ hasText: 'Email codes' }),
  ).toContainText('On')

  await signOut(page)
  await submitSignIn(page, user)
  await expectPath(page, '/sign-in/verify')
  await expect(page.getByRole('heading', { name: 'Confirm it is you' })).toBeVisible()
  // The code was sent when the password was accepted.
  await expect(page.getByText(/We sent a 6-digit code to .•••@e2e\.megilance\.test/)).toBeVisible()
  await page.getByLabel('Code').fill('000000')
  await page.getByRole('button', { name: 'Confirm' }).click()
  await expect(page.getByRole('alert')).toHaveText(
    'That code is not right, or it has expired. Check it, or ask for a new one.',
  )
  await page.getByLabel('Code').fill(await readCodeFromOutbox(user.email, 'Your MegiLance security code%'))
  await page.getByRole('button', { name: 'Confirm' }).click()
  await expectPortal(page, 'client')
  await expect(toast(page)).toHaveText(`Signed in as ${user.email}.`)

  // Turning it off needs the second factor from the last 10 minutes: this sign-in passed one.
  await page.goto('/settings/security/email-codes')
  await page.getByRole('button', { name: 'Turn email codes off' }).click()
  await expect(toast(page)).toHaveText('Email codes are off.')
})
