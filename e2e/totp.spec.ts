import { generateSync } from 'otplib'
import { expect, test, type Page } from '@playwright/test'
import { signUp, toast } from './fixtures'

/** The code an authenticator app shows for `secret`, `stepsAhead` time steps from now. */
function totpCode(secret: string, stepsAhead = 0): string {
  return generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 })
}

async function setUpAuthenticator(page: Page): Promise<string> {
  await page.goto('/settings/security/authenticator')
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click()
  await expect(page.getByRole('figure', { name: 'QR code for your authenticator app' }).locator('svg')).toBeVisible()
  const secret = (await page.getByRole('definition').textContent())?.replace(/\s+/g, '') ?? ''
  expect(secret).toMatch(/^[A-Z2-7]{32}$/)

  await page.getByLabel('Code', { exact: true }).fill('000000' === totpCode(secret) ? '111111' : '000000')
  await page.getByRole('button', { name: 'Turn on' }).click()
  await expect(page.getByText('That code is not right.')).toBeVisible()
  await page.getByLabel('Code', { exact: true }).fill(totpCode(secret))
  await page.getByRole('button', { name: 'Turn on' }).click()
  await expect(toast(page)).toHaveText('Your authenticator app is on. We will ask for its code when you sign in.')
  await expect(page.getByText(/^On/)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Turn off' })).toBeVisible()
  await expect(page.getByRole('definition')).toHaveCount(0) // the secret is not shown again
  return secret
}

test('an authenticator app is set up from the QR code page with a computed code', async ({ page }) => {
  await signUp(page)
  await setUpAuthenticator(page)
})
