import type { Page } from '@playwright/test'
import { expect, toast } from './fixtures'

export const MESSAGE_PATH = /^\/messages\/[0-9a-f-]{36}$/

/** Waits until React has taken over the page (the composer then posts without reloading). */
export async function waitForLiveComposer(page: Page) {
  await expect(page.locator('input[type="hidden"][name="live"]')).toHaveCount(1)
}

export async function sendMessage(
  page: Page,
  body: string,
  js: boolean,
  file?: { name: string; mimeType: string; buffer: Buffer },
) {
  if (js) await waitForLiveComposer(page)
  await page.getByLabel('Message (required)', { exact: true }).fill(body)
  if (file) await page.getByLabel('Attach files (optional)').setInputFiles(file)
  await page.getByRole('button', { name: 'Send' }).click()
  if (js) await expect(page.getByLabel('Message (required)', { exact: true })).toHaveValue('')
  else await expect(toast(page)).toContainText('Message sent.')
}

export function thread(page: Page) {
  return page.getByRole('list', { name: 'Messages' })
}
