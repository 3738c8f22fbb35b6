import { generateSync } from 'otplib'
import {
  expect,
  expectPath,
  expectPortal,
  newBrowserContext,
  type NewUser,
  type Page,
  submitSignIn,
  test,
  toast,
} from './fixtures'
import { signUpWithoutForm } from './user-fixtures'
import { confirmPassword, confirmWithEmailedCode } from './step-up-helpers'

/** The code an authenticator app shows for `secret`, `stepsAhead` 30-second steps from now. */
function totpCode(secret: string, stepsAhead = 0): string {
  return generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 })
}

/**
 * Sets the app up from the page, as a person with an authenticator app would; returns the secret.
 * A first factor asks for the password again first.
 */
async function setUpAuthenticator(page: Page, user: NewUser): Promise<string> {
  await page.goto('/settings/security')
  await page.getByRole('link', { name: 'Manage authenticator app' }).click()
  await expectPath(page, '/settings/security/authenticator')
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click()
  await confirmPassword(page, user.password)
  await expectPath(page, '/settings/security/authenticator')
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click()
  await expect(page.getByRole('figure', { name: 'QR code for your authenticator app' }).locator('svg')).toBeVisible()
  const secret = (await page.getByRole('definition').textContent())?.replace(/\s+/g, '') ?? ''
  expect(secret).toMatch(/^[A-Z2-7]{32}$/)

  await page.getByLabel('Code (required)', { exact: true }).fill(totpCode(secret) === '000000' ? '111111' : '000000')
  await page.getByRole('button', { name: 'Turn on' }).click()
  await expect(page.getByText('That code is not right.')).toBeVisible()
  await page.getByLabel('Code (required)', { exact: true }).fill(totpCode(secret))
  await page.getByRole('button', { name: 'Turn on' }).click()
  await expect(toast(page)).toHaveText('Your authenticator app is on. We will ask for its code when you sign in.')
  await expect(page.getByRole('button', { name: 'Turn off' })).toBeVisible()
  await expect(page.getByRole('definition')).toHaveCount(0) // the secret is never shown again
  return secret
}

async function answerWithCode(page: Page, code: string) {
  await expect(page.getByRole('heading', { name: 'Authenticator app' })).toBeVisible()
  await page.getByLabel('Code (required)', { exact: true }).fill(code)
  await page.getByRole('button', { name: 'Confirm', exact: true }).click()
}

test('sign-in asks for the authenticator code, and a code works only once', async ({ page, browser }, testInfo) => {
  const user = await signUpWithoutForm(page, testInfo)
  const secret = await setUpAuthenticator(page, user)
  // The set-up used this time step's code; an app shows the next one 30 seconds later.
  const code = totpCode(secret, 1)

  const laptop = await newBrowserContext(browser, testInfo)
  const first = await laptop.newPage()
  await submitSignIn(first, user)
  await expectPath(first, '/sign-in/verify')
  await answerWithCode(first, code)
  await expectPortal(first, user.role)
  await expect(toast(first)).toHaveText(`Signed in as ${user.email}.`)

  // Someone who saw that code cannot use it again.
  const phone = await newBrowserContext(browser, testInfo)
  const second = await phone.newPage()
  await submitSignIn(second, user)
  await expectPath(second, '/sign-in/verify')
  await answerWithCode(second, code)
  await expect(second.getByRole('alert')).toHaveText(/That code is not right/)
  await expectPath(second, '/sign-in/verify')
  await laptop.close()
  await phone.close()
})

test('turning the authenticator app off asks for a code first: not from the app just added, which a thief could have added', async ({
  page,
}, testInfo) => {
  const user = await signUpWithoutForm(page, testInfo)
  await setUpAuthenticator(page, user)
  await page.getByRole('button', { name: 'Turn off' }).click()
  await expectPath(page, '/settings/security/verify')
  // The app is less than a day old, so the step-up offers the account's email instead.
  await confirmWithEmailedCode(page, user.email)
  await expectPath(page, '/settings/security/authenticator')
  await page.getByRole('button', { name: 'Turn off' }).click()
  await expect(toast(page)).toHaveText('Your authenticator app is off. You can remove MegiLance from it.')
  await expect(page.getByRole('button', { name: 'Set up an authenticator app' })).toBeVisible()
})
