import { expect, test, type Page } from '@playwright/test'
import { readCodeFromOutbox } from './db-fixtures'
import { expectPath, expectPortal, makeUser, newBrowserContext, signUp, submitSignIn, toast } from './fixtures'

/** A UK mobile number (07911 1xxxxx) no other test is likely to use. */
function uniqueMobile(): { national: string; e164: string; shown: string } {
  const tail = String(Math.floor(Math.random() * 100_000)).padStart(5, '0')
  return { national: `07911 1${tail}`, e164: `+4479111${tail}`, shown: `+44 7911 1${tail}` }
}

async function addPhone(page: Page, phone: ReturnType<typeof uniqueMobile>) {
  await page.goto('/settings/security')
  await page.getByRole('link', { name: 'Manage text message' }).click()
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
  await page.getByLabel('Code', { exact: true }).fill(await readCodeFromOutbox(phone.e164, 'SMS'))
  await page.getByRole('button', { name: 'Verify number' }).click()
  await expect(toast(page)).toHaveText('Your phone number is verified. We can text you sign-in codes.')
  await expect(page.getByText(`Sign-in codes go to ${phone.shown}`)).toBeVisible()
}

// signUp reads the first 6 digits in the sign-up email, which also greets the user by name: keep digits out of it.
function newUser() {
  const user = makeUser('client')
  return { ...user, name: user.name.replace(/\d/g, 'x') }
}

test('a phone number verified with a texted code then receives sign-in codes', async ({ page, browser }, testInfo) => {
  const user = await signUp(page, newUser())
  const phone = uniqueMobile()
  await addPhone(page, phone)

  const context = await newBrowserContext(browser, testInfo)
  const other = await context.newPage()
  await submitSignIn(other, user)
  await expectPath(other, '/sign-in/verify')
  const form = other.getByRole('form', { name: 'Code by text message' })
  await expect(form).toContainText(`to +44 •••• ${phone.e164.slice(-4)}`)
  const verificationCode = await readCodeFromOutbox(phone.e164, 'SMS')
  await form.getByRole('button', { name: 'Send a code' }).click()
  await expect(other.getByText(/We sent a 6-digit code to \+44 •••• \d{4}/)).toBeVisible()
  let code = await readCodeFromOutbox(phone.e164, 'SMS')
  for (let tries = 0; code === verificationCode && tries < 20; tries++) code = await readCodeFromOutbox(phone.e164, 'SMS')
  await other.getByRole('form', { name: 'Code by text message' }).getByLabel('Code', { exact: true }).fill(code)
  await other.getByRole('button', { name: 'Confirm' }).click()
  await expectPortal(other, user.role)
  await expect(toast(other)).toHaveText(`Signed in as ${user.email}.`)
  await context.close()
})
