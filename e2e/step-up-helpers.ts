import { expect, type Page } from '@playwright/test'
import { readCodeFromOutbox } from './db-fixtures'
import { toast } from './fixtures'

/** On the password check that comes before a first second factor: re-enter it and come back. */
export async function confirmPassword(page: Page, password: string) {
  await expect(page).toHaveURL(/\/settings\/security\/confirm-password\?redirectTo=/)
  await expect(page.getByRole('heading', { name: 'Confirm your password' })).toBeVisible()
  await page.getByLabel('Password (required)', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Confirm', exact: true }).click()
  await expect(toast(page)).toHaveText('Confirmed. For the next 10 minutes you can add a second factor.')
}

/**
 * On the step-up page when every factor is less than a day old: only an emailed code is offered
 * (the new factors cannot confirm a change yet). Sends one, enters it and comes back.
 */
export async function confirmWithEmailedCode(page: Page, email: string) {
  await expect(page).toHaveURL(/\/settings\/security\/verify\?redirectTo=/)
  await expect(page.getByRole('heading', { level: 2, name: 'Code by email' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Ways to confirm' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Send a code', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'We sent a 6-digit code' })).toBeVisible()
  await page
    .getByLabel('Code (required)', { exact: true })
    .fill(await readCodeFromOutbox(email, 'Your MegiLance security code%'))
  await page.getByRole('button', { name: 'Confirm', exact: true }).click()
  await expect(toast(page)).toHaveText(/^Confirmed\./)
}
