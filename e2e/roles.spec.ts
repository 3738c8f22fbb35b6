import { expect, expectPath, makeUser, type Page, PORTALS, type Role, signInAsSeededAdmin, test } from './fixtures'
import { signUpWithoutForm } from './user-fixtures'

/** Opens `path` and expects the 403 page inside the visitor's own portal. */
async function expectForbidden(page: Page, path: string, ownRole: Role) {
  const response = await page.goto(path)
  expect(response?.status()).toBe(403)
  await expectPath(page, path)
  await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible()
  await expect(page.getByText('Error 403')).toBeVisible()
  // The visitor keeps their own menu, and none of the forbidden page is shown.
  await expect(page.getByRole('navigation', { name: PORTALS[ownRole].nav })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toHaveCount(0)
}

test('a client is refused the admin and freelancer portals with a 403', async ({ page }, testInfo) => {
  await signUpWithoutForm(page, testInfo, makeUser('client'))
  await expectForbidden(page, '/admin', 'client')
  await expect(page.getByText('This page is for admin accounts.')).toBeVisible()
  await expectForbidden(page, '/admin/users', 'client')
  await expectForbidden(page, '/admin/outbox', 'client')
  await expectForbidden(page, '/freelancer', 'client')
  await expect(page.getByText('This page is for freelancer accounts.')).toBeVisible()

  // Their own portal still works.
  await page.getByRole('navigation', { name: 'Client portal' }).getByRole('link', { name: 'Dashboard' }).click()
  await expectPath(page, '/client')
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
})

test('a freelancer is refused the client and admin portals with a 403', async ({ page }, testInfo) => {
  await signUpWithoutForm(page, testInfo, makeUser('freelancer'))
  await expectForbidden(page, '/client', 'freelancer')
  await expect(page.getByText('This page is for client accounts.')).toBeVisible()
  await expectForbidden(page, '/admin/users', 'freelancer')
})

test('the admin is refused the client and freelancer dashboards with a 403', async ({ page }, testInfo) => {
  await signInAsSeededAdmin(page, testInfo)
  await expectForbidden(page, '/client', 'admin')
  await expectForbidden(page, '/freelancer', 'admin')
})

test('each portal menu lists only its own pages', async ({ page }, testInfo) => {
  await signUpWithoutForm(page, testInfo, makeUser('client'))
  const menu = page.getByRole('navigation', { name: 'Client portal' })
  await expect(menu.getByRole('link')).toHaveText([
    'Dashboard',
    'Projects',
    'Find talent',
    'Saved searches',
    'Contracts',
    'Messages',
    'Meetings',
    'Calls',
    'Notifications',
    'Wallet',
    'Payments',
    'Analytics',
    'Convert',
    'Settings',
  ])
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Outbox' })).toHaveCount(0)
})

for (const path of ['/admin', '/client', '/freelancer', '/settings']) {
  test(`an anonymous visit to ${path} asks to sign in first`, async ({ page }) => {
    await page.goto(path)
    await expect(page).toHaveURL((url) => url.pathname === '/sign-in' && url.searchParams.get('redirectTo') === path)
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
  })
}
