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
import { latestOutboxMessage, readCodeFromOutbox } from './db-fixtures'
import { confirmPassword } from './step-up-helpers'

/** A UK mobile number (07911 1xxxxx) no other test is likely to use. */
function uniqueMobile(): { national: string; e164: string; shown: string } {
  const tail = String(Math.floor(Math.random() * 100_000)).padStart(5, '0')
  return { national: `07911 1${tail}`, e164: `+4479111${tail}`, shown: `+44 7911 1${tail}` }
}

async function readTextTo(phone: string): Promise<string> {
  return (await latestOutboxMessage(phone, 'SMS'))?.text ?? ''
}

async function addPhone(page: Page, user: NewUser, phone: ReturnType<typeof uniqueMobile>) {
  await page.goto('/settings/security')
  await page.getByRole('link', { name: 'Manage text message' }).click()
  await expectPath(page, '/settings/security/phone')
  // A first second factor asks for the password again before anything is sent.
  await page.getByLabel('Country').selectOption('GB')
  await page.getByLabel('Mobile phone number').fill(phone.national)
  await page.getByRole('button', { name: 'Send code' }).click()
  await confirmPassword(page, user.password)
  await expectPath(page, '/settings/security/phone')
  await page.getByLabel('Country').selectOption('GB')
  await page.getByLabel('Mobile phone number').fill('07911 12')
  await page.getByRole('button', { name: 'Send code' }).click()
  await expect(page.getByText('This is not a valid phone number.')).toBeVisible()
  await expect(page.getByLabel('Mobile phone number')).toHaveValue('07911 12')

  await page.getByLabel('Mobile phone number').fill(phone.national)
  await page.getByRole('button', { name: 'Send code' }).click()
  await expect(toast(page)).toHaveText('We sent a code by text message. Enter it below.')
  await expect(page.getByText(`We sent a code by text message to ${phone.shown}.`)).toBeVisible()
  await page.getByLabel('Code (required)', { exact: true }).fill(await readCodeFromOutbox(phone.e164, 'SMS'))
  await page.getByRole('button', { name: 'Verify number' }).click()
  await expect(toast(page)).toHaveText('Your phone number is verified. We can text you sign-in codes.')
  await expect(page.getByText(`Sign-in codes go to ${phone.shown}`)).toBeVisible()
}

test('a phone number verified with a texted code then receives sign-in codes', async ({ page, browser }, testInfo) => {
  const user = await signUpWithoutForm(page, testInfo)
  const phone = uniqueMobile()
  await addPhone(page, user, phone)

  const context = await newBrowserContext(browser, testInfo)
  const other = await context.newPage()
  await submitSignIn(other, user)
  await expectPath(other, '/sign-in/verify')
  await expect(other.getByRole('heading', { name: 'Code by text message' })).toBeVisible()
  // The second step sends the first code by itself; "Send a code" is there when it has not.
  const sendButton = other.getByRole('button', { name: 'Send a code', exact: true })
  if (await sendButton.isVisible()) await sendButton.click()
  await expect(other.getByRole('status').filter({ hasText: 'We sent a 6-digit code' })).toHaveText(
    `We sent a 6-digit code to +44 •••• ${phone.e164.slice(-4)}. It works once, for 10 minutes.`,
  )
  const code = await readCodeFromOutbox(phone.e164, 'SMS')
  const text = await readTextTo(phone.e164)
  expect(text).toMatch(/^Your MegiLance sign-in code is \d{6}\./)
  await other.getByLabel('Code (required)', { exact: true }).fill(code)
  await other.getByRole('button', { name: 'Confirm', exact: true }).click()
  await expectPortal(other, user.role)
  await expect(toast(other)).toHaveText(`Signed in as ${user.email}.`)
  await context.close()
})
