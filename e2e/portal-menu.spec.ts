import { expect, expectPath, isJavaScriptEnabled, makeUser, type Page, test } from './fixtures'
import { signUpWithoutForm } from './user-fixtures'

// The portal menu is one list: a sidebar on wide screens, a "Menu" disclosure on narrow ones.
const menu = (page: Page) => page.getByRole('navigation', { name: 'Freelancer portal' })
const menuLink = (page: Page, name: string) => menu(page).getByRole('link', { name, exact: true })

test('on a wide screen the portal menu is a sidebar that marks the page you are on', async ({ page }, testInfo) => {
  await signUpWithoutForm(page, testInfo, makeUser('freelancer'))
  await page.goto('/freelancer')
  await expect(menu(page).getByText('Menu', { exact: true })).toBeHidden()
  await expect(menuLink(page, 'Dashboard')).toHaveAttribute('aria-current', 'page')
  await expect(menuLink(page, 'Proposals')).not.toHaveAttribute('aria-current', 'page')

  await menuLink(page, 'Proposals').click()
  await expectPath(page, '/freelancer/proposals')
  await expect(menuLink(page, 'Proposals')).toHaveAttribute('aria-current', 'page')
  // "Dashboard" is current only on the dashboard itself, not on the pages below it.
  await expect(menuLink(page, 'Dashboard')).not.toHaveAttribute('aria-current', 'page')
})

test('on a 360 px phone the portal menu opens from its "Menu" button', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await signUpWithoutForm(page, testInfo, makeUser('freelancer'))
  await page.goto('/freelancer')
  await expect(menuLink(page, 'Wallet')).toBeHidden()

  await menu(page).getByText('Menu', { exact: true }).click()
  await expect(menuLink(page, 'Wallet')).toBeVisible()
  const box = await menu(page).getByRole('list').boundingBox()
  expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(360)

  await menuLink(page, 'Wallet').click()
  await expectPath(page, '/wallet')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  // Without JavaScript the new page starts with the menu closed; with it, the menu stays as it was.
  if (!isJavaScriptEnabled(testInfo)) await menu(page).getByText('Menu', { exact: true }).click()
  await expect(menuLink(page, 'Wallet')).toHaveAttribute('aria-current', 'page')
})
