import fs from 'node:fs'
import {
  type Browser,
  expect,
  expectPath,
  expectPortal,
  newBrowserContext,
  type NewUser,
  type Page,
  submitSignIn,
  test,
  type TestInfo,
  toast,
} from './fixtures'
import { signUpWithoutForm } from './user-fixtures'
import { confirmPassword } from './step-up-helpers'

/** The first set: an account without factors re-enters its password first. */
async function generateCodes(page: Page, user: NewUser): Promise<string[]> {
  await page.goto('/settings/security')
  await page.getByRole('link', { name: 'Manage backup codes' }).click()
  await expectPath(page, '/settings/security/backup-codes')
  await expect(page.getByText('You have no backup codes yet.')).toBeVisible()
  await page.getByRole('button', { name: 'Generate new codes' }).click()
  await confirmPassword(page, user.password)
  await expectPath(page, '/settings/security/backup-codes')
  await page.getByRole('button', { name: 'Generate new codes' }).click()
  const list = page.getByRole('list', { name: 'Backup codes' })
  await expect(list.getByRole('listitem')).toHaveCount(10)
  const codes = (await list.getByRole('listitem').allTextContents()).map((code) => code.trim())
  for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{2}$/)
  await expect(page.getByText('These codes are shown only this once.')).toBeVisible()
  return codes
}

/** Signs in in a new browser and answers the second step with a backup code. */
async function signInWithBackupCode(browser: Browser, testInfo: TestInfo, user: NewUser, code: string) {
  const context = await newBrowserContext(browser, testInfo)
  const page = await context.newPage()
  await submitSignIn(page, user)
  await expectPath(page, '/sign-in/verify')
  await expect(page.getByRole('heading', { name: 'Backup code' })).toBeVisible()
  await page.getByLabel('Code (required)', { exact: true }).fill(code)
  await page.getByRole('button', { name: 'Confirm', exact: true }).click()
  return { context, page }
}

test('backup codes are shown once and download as a text file', async ({ page }, testInfo) => {
  const user = await signUpWithoutForm(page, testInfo)
  const codes = await generateCodes(page, user)

  const link = page.getByRole('link', { name: 'Download as .txt' })
  await expect(link).toHaveAttribute('href', /^data:text\/plain;charset=utf-8,/)
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
  expect(download.suggestedFilename()).toBe('megilance-backup-codes.txt')
  const file = fs.readFileSync(await download.path(), 'utf8')
  for (const code of codes) expect(file).toContain(code)

  // Coming back later shows how many are left, never the codes.
  await page.goto('/settings/security/backup-codes')
  await expect(page.getByText('You have 10 unused backup codes of 10.')).toBeVisible()
  await expect(page.getByRole('list', { name: 'Backup codes' })).toHaveCount(0)
})

test('a backup code signs in once; the same code a second time is refused', async ({ page, browser }, testInfo) => {
  const user = await signUpWithoutForm(page, testInfo)
  const [code = ''] = await generateCodes(page, user)

  const first = await signInWithBackupCode(browser, testInfo, user, code)
  await expectPortal(first.page, user.role)
  await expect(toast(first.page)).toHaveText(`Signed in as ${user.email}.`)

  const second = await signInWithBackupCode(browser, testInfo, user, code.toUpperCase().replaceAll('-', ' '))
  await expect(second.page.getByRole('alert')).toHaveText(/That code is not right/)
  await expectPath(second.page, '/sign-in/verify')

  await page.goto('/settings/security/backup-codes')
  await expect(page.getByText('You have 9 unused backup codes of 10.')).toBeVisible()
  await first.context.close()
  await second.context.close()
})
