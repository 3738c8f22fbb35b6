import fs from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { signUp } from './fixtures'

async function generateCodes(page: Page): Promise<string[]> {
  await page.goto('/settings/security/backup-codes')
  await expect(page.getByText('You have no backup codes yet.')).toBeVisible()
  await page.getByRole('button', { name: 'Generate new codes' }).click()
  const list = page.getByRole('list', { name: 'Backup codes' })
  await expect(list.getByRole('listitem')).toHaveCount(10)
  const codes = (await list.getByRole('listitem').allTextContents()).map((code) => code.trim())
  for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{2}$/)
  await expect(page.getByText('These codes are shown only this once.')).toBeVisible()
  return codes
}

test('backup codes are shown once and download as a text file', async ({ page }) => {
  await signUp(page)
  const codes = await generateCodes(page)

  const link = page.getByRole('link', { name: 'Download as .txt' })
  await expect(link).toHaveAttribute('download', 'megilance-backup-codes.txt')
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
