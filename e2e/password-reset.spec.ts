import {
  expect,
  expectPath,
  makeUser,
  newBrowserContext,
  type Page,
  readResetCodeFromOutbox,
  signIn,
  signOut,
  submitSignIn,
  test,
  toast,
  uniqueEmail,
  uniquePassword,
} from './fixtures'
import { createAccountWithoutBrowser, signUpWithoutForm } from './user-fixtures'

async function requestResetCode(page: Page, email: string) {
  await page.goto('/sign-in')
  await page.getByRole('link', { name: 'Forgot your password?' }).click()
  await expectPath(page, '/forgot-password')
  await page.getByLabel('Email').fill(email)
  await page.getByRole('button', { name: 'Send reset code' }).click()
  await expect(page).toHaveURL((url) => url.pathname === '/reset-password' && url.searchParams.get('email') === email)
  await expect(toast(page)).toContainText('If an account uses that email, a reset code is on its way.')
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible()
  await expect(page.getByLabel('Email')).toHaveValue(email)
}

async function submitReset(page: Page, code: string, password: string) {
  await page.getByLabel('Reset code').fill(code)
  await page.getByLabel('New password').fill(password)
  await page.getByRole('button', { name: 'Change password' }).click()
}

test('a user resets a forgotten password with the code from the outbox', async ({
  browser,
  page,
  adminPage,
}, testInfo) => {
  // Signed in on one device (say, a tablet at home) and resetting the password on another.
  const tablet = page
  const user = await signUpWithoutForm(tablet, testInfo, makeUser('freelancer'))
  const laptopContext = await newBrowserContext(browser, testInfo)
  const laptop = await laptopContext.newPage()

  await requestResetCode(laptop, user.email)
  const code = await readResetCodeFromOutbox(adminPage, user.email)

  // The page says how long the code works, as the email does.
  await expect(laptop.getByText('it works for 15 minutes')).toBeVisible()
  const newPassword = uniquePassword()
  await submitReset(laptop, code, newPassword)
  await expectPath(laptop, '/sign-in')
  await expect(toast(laptop)).toHaveText(
    'Your password was changed and other devices were signed out. Sign in with the new password.',
  )

  // The other device was signed out.
  await tablet.reload()
  await expectPath(tablet, '/sign-in')
  await laptopContext.close()

  await submitSignIn(page, user)
  await expect(page.getByRole('alert')).toHaveText('The email or password is not right.')

  await signIn(page, { email: user.email, password: newPassword }, 'freelancer')

  // The code works only once.
  await signOut(page)
  await page.goto(`/reset-password?email=${encodeURIComponent(user.email)}`)
  await submitReset(page, code, uniquePassword())
  await expect(page.getByText('This code is not valid. Check the latest email, or ask for a new code.')).toBeVisible()
  await expectPath(page, '/reset-password')
})

test('a wrong reset code is refused and the email is kept', async ({ page, adminPage }) => {
  const user = await createAccountWithoutBrowser(makeUser('client'))
  await requestResetCode(page, user.email)
  const code = await readResetCodeFromOutbox(adminPage, user.email)
  const wrongCode = String((Number(code) + 1) % 100_000_000).padStart(8, '0')

  await submitReset(page, wrongCode, uniquePassword())
  await expect(page.getByText('This code is not valid. Check the latest email, or ask for a new code.')).toBeVisible()
  await expectPath(page, '/reset-password')
  await expect(page.getByLabel('Email')).toHaveValue(user.email)
  await expect(page.getByLabel('Reset code')).toHaveValue(wrongCode)

  // The old password still works.
  await signIn(page, user, 'client')
})

test('asking for a code for an unknown email looks the same and sends nothing', async ({ page, adminPage }) => {
  const email = uniqueEmail('nobody')
  await requestResetCode(page, email)

  await adminPage.goto(`/admin/outbox?to=${encodeURIComponent(email)}`)
  await expect(adminPage.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible()
  await expect(adminPage.getByText('No emails yet.')).toBeVisible()
})
