import fs from 'node:fs/promises'
import { newAuditContext, wcagViolationsInBothThemes } from './axe-audit'
import { DEMO_ACCOUNTS, expect, makeUser, test, toast } from './fixtures'
import { signUpWithoutForm } from './user-fixtures'
import { createReviewedHistory } from './profiles-fixtures'

const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

test('profile, portfolio, public profile and rank pages pass the WCAG AA checks in both themes', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000) // axe on seven pages in two themes is slow on a busy machine
  const context = await newAuditContext(browser, testInfo)
  const page = await context.newPage()

  // The rank page signed out, then each page signed in; every page is scanned light and dark.
  expect(await wcagViolationsInBothThemes(page, '/rank')).toEqual([])
  const freelancer = await signUpWithoutForm(page, testInfo, makeUser('freelancer'))
  const history = await createReviewedHistory(DEMO_ACCOUNTS.client.email, freelancer.email)
  const png = testInfo.outputPath('work.png')
  await fs.writeFile(png, PIXEL_PNG)
  await page.goto('/settings/portfolio')
  await page.getByLabel('Title').fill('Storefront')
  await page.getByLabel('Links').fill('https://shop.example.com')
  await page.getByLabel('Images').setInputFiles(png)
  await page.getByRole('button', { name: 'Add to portfolio' }).click()
  await expect(toast(page)).toHaveText('“Storefront” is in your portfolio.')
  await page.getByRole('link', { name: 'Edit Storefront' }).click()
  await expect(page).toHaveURL(/\/settings\/portfolio\/[\w-]+$/)
  const editPath = new URL(page.url()).pathname

  const paths = [
    '/settings',
    '/settings/portfolio',
    editPath,
    `/freelancers/${history.freelancerId}`,
    `/clients/${history.clientId}`,
    '/rank',
  ]
  const found: string[] = []
  for (const path of paths) found.push(...(await wcagViolationsInBothThemes(page, path)))
  expect(found).toEqual([])
  await context.close()
})
