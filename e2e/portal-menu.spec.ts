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

test('dashboard and menu links open their page in place; a modified click opens a new tab', async ({
  page,
  context,
}, testInfo) => {
  await signUpWithoutForm(page, testInfo, makeUser('client'))
  await page.goto('/client')
  const clientMenuLink = (name: string) =>
    page.getByRole('navigation', { name: 'Client portal' }).getByRole('link', { name, exact: true })
  // With JavaScript the router takes plain clicks (this page's window lives on); without, they are plain links.
  const sameDocument = async () => page.evaluate(() => (window as { stayed?: boolean }).stayed === true)
  if (isJavaScriptEnabled(testInfo)) await page.evaluate(() => ((window as { stayed?: boolean }).stayed = true))

  await page.getByRole('link', { name: 'Post a project' }).click()
  await expectPath(page, '/projects/new')
  expect(await sameDocument()).toBe(isJavaScriptEnabled(testInfo))

  await clientMenuLink('Dashboard').click()
  await expectPath(page, '/client')
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
  expect(await sameDocument()).toBe(isJavaScriptEnabled(testInfo))

  // A Ctrl/Cmd-click is the browser's: the page opens in a new tab and this one stays where it is.
  const [opened] = await Promise.all([
    context.waitForEvent('page'),
    clientMenuLink('Wallet').click({ modifiers: ['ControlOrMeta'] }),
  ])
  await opened.waitForLoadState()
  expect(new URL(opened.url()).pathname).toBe('/wallet')
  await expectPath(page, '/client')
  expect(await sameDocument()).toBe(isJavaScriptEnabled(testInfo))
})

// A mistyped address: the 404 page keeps the member signed in around it (the header's Sign out) and
// gives a reference to quote, without the router's own wording.
test('an address no page answers says so and keeps the member signed in', async ({ page }, testInfo) => {
  await signUpWithoutForm(page, testInfo, makeUser('freelancer'))
  const answer = await page.goto('/freelancer/no-such-page')
  expect(answer?.status()).toBe(404)
  await expect(page).toHaveTitle('Page not found · MegiLance')
  await expect(page.getByRole('heading', { level: 1, name: 'We could not find that page' })).toBeVisible()
  await expect(page.getByText('There is no page at this address.')).toBeVisible()
  await expect(page.getByText(/Reference .+: quote it if you contact support/)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
  await expect(page.getByText('No route matches')).toHaveCount(0)
})
