import { expect, expectPath, makeUser, type Page, test } from './fixtures'
import { signUpWithoutForm } from './user-fixtures'

type Theme = 'light' | 'dark' | 'system'
const LABELS: Record<Theme, string> = { light: 'Light', dark: 'Dark', system: 'System' }

function themeSwitch(page: Page) {
  return page.getByRole('contentinfo').getByRole('form', { name: 'Colour theme' })
}

// The page background of each look (app/styles/app.css: --bg).
const LIGHT_BACKGROUND = 'rgb(246, 247, 251)'
const DARK_BACKGROUND = 'rgb(11, 17, 32)'

/** The page is drawn in `theme` and the footer switch shows it as the current choice. */
async function expectTheme(page: Page, theme: Theme) {
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
  if (theme !== 'system') {
    await expect(page.locator('body')).toHaveCSS(
      'background-color',
      theme === 'dark' ? DARK_BACKGROUND : LIGHT_BACKGROUND,
    )
  }
  for (const [option, label] of Object.entries(LABELS)) {
    await expect(themeSwitch(page).getByRole('button', { name: label })).toHaveAttribute(
      'aria-pressed',
      String(option === theme),
    )
  }
}

test('the footer switch changes the theme and it stays across pages', async ({ page }) => {
  await page.goto('/')
  await expectTheme(page, 'system')

  await themeSwitch(page).getByRole('button', { name: 'Dark' }).click()
  await expectTheme(page, 'dark')
  await expectPath(page, '/')
  await expect(page.locator('meta[name="color-scheme"]')).toHaveAttribute('content', 'dark')

  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' }).click()
  await expectPath(page, '/sign-in')
  await expectTheme(page, 'dark')

  await themeSwitch(page).getByRole('button', { name: 'Light' }).click()
  await expectTheme(page, 'light')
  await expectPath(page, '/sign-in')

  await page.reload()
  await expectTheme(page, 'light')

  await themeSwitch(page).getByRole('button', { name: 'System' }).click()
  await expectTheme(page, 'system')
  await expect(page.locator('meta[name="color-scheme"]')).toHaveAttribute('content', 'light dark')
})

test('switching the theme keeps the page and its query string', async ({ page }) => {
  await page.goto('/sign-in?redirectTo=%2Fsettings')
  await themeSwitch(page).getByRole('button', { name: 'Dark' }).click()
  await expectTheme(page, 'dark')
  await expect(page).toHaveURL(
    (url) => url.pathname === '/sign-in' && url.searchParams.get('redirectTo') === '/settings',
  )
})

test('a signed-in user saves a theme in appearance settings', async ({ page }, testInfo) => {
  await signUpWithoutForm(page, testInfo, makeUser('client'))
  await page.getByRole('navigation', { name: 'Client portal' }).getByRole('link', { name: 'Settings' }).click()
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Appearance' }).click()
  await expectPath(page, '/settings/appearance')

  const choice = page.getByRole('group', { name: 'Colour theme' })
  await expect(choice.getByRole('radio', { name: /System/ })).toBeChecked()
  await choice.getByRole('radio', { name: 'Dark', exact: true }).check()
  await page.getByRole('button', { name: 'Save theme' }).click()

  await expectTheme(page, 'dark')
  await expectPath(page, '/settings/appearance')
  await expect(choice.getByRole('radio', { name: 'Dark', exact: true })).toBeChecked()

  // Other pages and a fresh load use it too.
  await page.goto('/client')
  await expectTheme(page, 'dark')

  // The footer switch and the settings page agree.
  await page.goto('/settings/appearance')
  await themeSwitch(page).getByRole('button', { name: 'Light' }).click()
  await expectTheme(page, 'light')
  await expect(choice.getByRole('radio', { name: 'Light', exact: true })).toBeChecked()
})

test('the system theme follows the device, and an explicit choice overrides it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto('/')
  await expectTheme(page, 'system')
  await expect(page.locator('body')).toHaveCSS('background-color', DARK_BACKGROUND)

  await page.emulateMedia({ colorScheme: 'light' })
  await expect(page.locator('body')).toHaveCSS('background-color', LIGHT_BACKGROUND)

  await themeSwitch(page).getByRole('button', { name: 'Dark' }).click()
  await expectTheme(page, 'dark')
  await page.emulateMedia({ colorScheme: 'dark' })
  await themeSwitch(page).getByRole('button', { name: 'Light' }).click()
  await expectTheme(page, 'light')
})
