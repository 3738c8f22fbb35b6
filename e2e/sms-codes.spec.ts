import { expect, test, type Page } from '@playwright/test'
import { openE2eDatabase } from './db-fixtures'
import { signUp, toast } from './fixtures'

/** A UK mobile number no other test uses (07911 1xxxxx). */
function uniqueMobile(): { national: string; e164: string } {
  const tail = String(Math.floor(Math.random() * 100_000)).padStart(5, '0')
  return { national: `07911 1${tail}`, e164: `+4479111${tail}` }
}

/** The newest text message to `phone` in the outbox, and the 6-digit code in it. */
function lastTextedCode(phone: string): string {
  const db = openE2eDatabase()
  try {
    const row = db.prepare(`select text from outbox where "to" = ? and subject = 'SMS' order by created_at desc limit 1`).get(phone) as
      | { text: string }
      | undefined
    const code = row?.text.match(/\b(\d{6})\b/)?.[1]
    if (!code) throw new Error(`No code texted to ${phone}`)
    return code
  } finally {
    db.close()
  }
}

async function addPhone(page: Page, phone: { national: string; e164: string }) {
  await page.goto('/settings/security/phone')
  await page.getByLabel('Country').selectOption('GB')
  await page.getByLabel('Mobile phone number').fill('07911 12')
  await page.getByRole('button', { name: 'Send code' }).click()
  await expect(page.getByText('This is not a valid phone number.')).toBeVisible()
  await expect(page.getByLabel('Mobile phone number')).toHaveValue('07911 12')

  await page.getByLabel('Mobile phone number').fill(phone.national)
  await page.getByRole('button', { name: 'Send code' }).click()
  await expect(toast(page)).toHaveText('We sent a code by text message. Enter it below.')
  await expect(page.getByText(`We sent a code by text message to +44 ${phone.e164.slice(3, 7)} ${phone.e164.slice(7)}`)).toBeVisible()
  await page.getByLabel('Code', { exact: true }).fill(lastTextedCode(phone.e164))
  await page.getByRole('button', { name: 'Verify number' }).click()
  await expect(toast(page)).toHaveText('Your phone number is verified. We can text you sign-in codes.')
  await expect(page.getByText(/Sign-in codes go to/)).toBeVisible()
}

test('a phone number is verified with a code read from the outbox', async ({ page }) => {
  await signUp(page)
  await addPhone(page, uniqueMobile())
})
