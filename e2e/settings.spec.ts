import {
  confirmWithEmailCode,
  expect,
  expectPath,
  expectPortal,
  isJavaScriptEnabled,
  makeUser,
  newBrowserContext,
  type Page,
  signIn,
  signOut,
  submitSignIn,
  test,
  toast,
  uniquePassword,
} from './fixtures'
import { signInWithoutForm, signUpWithoutForm } from './user-fixtures'

function stat(page: Page, label: string) {
  return page
    .locator('.stat')
    .filter({ has: page.getByRole('term').filter({ hasText: label }) })
    .getByRole('definition')
}

async function openSettings(page: Page, portal: string, section?: 'Appearance') {
  await page.getByRole('navigation', { name: portal }).getByRole('link', { name: 'Settings' }).click()
  await expectPath(page, '/settings')
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  if (section) {
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: section }).click()
    await expectPath(page, `/settings/${section.toLowerCase()}`)
  }
}

/** The password page first asks for a second factor (an emailed code for accounts without one). */
async function openPasswordSettings(page: Page, portal: string, email: string) {
  await openSettings(page, portal)
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Password' }).click()
  await expectPath(page, '/settings/security/verify')
  await confirmWithEmailCode(page, email)
  await expectPath(page, '/settings/password')
}

test('a freelancer completes their profile and the dashboard reflects it', async ({ page }, testInfo) => {
  const user = await signUpWithoutForm(page, testInfo, makeUser('freelancer'))
  await expect(stat(page, 'Profile complete')).toHaveText('0%')
  await expect(stat(page, 'Hourly rate')).toHaveText('Not set')
  await expect(page.getByRole('heading', { name: 'Finish your profile' })).toBeVisible()

  await openSettings(page, 'Freelancer portal')
  const newName = `${user.name} Jr`
  const headline = 'React developer for SaaS dashboards'
  const bio =
    'I build fast, accessible dashboards with React and TypeScript. Ten years of product work for small teams, ' +
    'from the first sketch to the last bug fix.'
  await page.getByLabel('Full name').fill(newName)
  await page.getByLabel('Headline').fill(headline)
  await page.getByLabel('About you').fill(bio)
  await page.getByLabel('Hourly rate').fill('45.75')
  await page.getByLabel('Currency').selectOption('EUR')
  await page.getByLabel('Experience level').selectOption('Expert')
  await page.getByLabel('Skills').fill('react, TypeScript , Node.js')
  await page.getByRole('button', { name: 'Save profile' }).click()

  await expect(toast(page)).toHaveText('Your profile is saved.')
  await expectPath(page, '/settings')

  // A fresh load shows what was saved, with skills in their canonical spelling.
  await page.reload()
  await expect(page.getByLabel('Full name')).toHaveValue(newName)
  await expect(page.getByLabel('Headline')).toHaveValue(headline)
  await expect(page.getByLabel('About you')).toHaveValue(bio)
  await expect(page.getByLabel('Hourly rate')).toHaveValue('45.75')
  await expect(page.getByLabel('Currency')).toHaveValue('EUR')
  await expect(page.getByLabel('Experience level')).toHaveValue('expert')
  await expect(page.getByLabel('Skills')).toHaveValue(/^(?=.*React)(?=.*TypeScript)(?=.*Node\.js).*$/)
  await expect(page.getByRole('navigation', { name: 'Account' })).toContainText(newName)

  await page.getByRole('navigation', { name: 'Freelancer portal' }).getByRole('link', { name: 'Dashboard' }).click()
  await expectPortal(page, 'freelancer')
  await expect(stat(page, 'Profile complete')).toHaveText('100%')
  await expect(stat(page, 'Hourly rate')).toHaveText('€45.75')
  await expect(page.getByRole('heading', { name: 'Finish your profile' })).toHaveCount(0)
  await expect(page.getByText(`Welcome, ${newName}. Next step: Send your first proposal.`)).toBeVisible()
})

test('unknown skills and a bad rate are refused and everything typed is kept', async ({ page }, testInfo) => {
  await signUpWithoutForm(page, testInfo, makeUser('freelancer'))
  await openSettings(page, 'Freelancer portal')
  await page.getByLabel('Headline').fill('Weaver of baskets and websites')
  await page.getByLabel('Skills').fill('React, Basket weaving')
  await page.getByRole('button', { name: 'Save profile' }).click()

  // The message next to the field and, the form being long, in the summary above it that links to the field.
  await expect(
    page.getByText('Unknown skills: Basket weaving. Pick names from the list.', { exact: true }),
  ).toBeVisible()
  await expect(
    page.getByRole('link', { name: 'Skills: Unknown skills: Basket weaving. Pick names from the list.' }),
  ).toBeVisible()
  await expect(page.getByLabel('Headline')).toHaveValue('Weaver of baskets and websites')
  await expect(page.getByLabel('Skills')).toHaveValue('React, Basket weaving')
  await expect(toast(page)).toHaveCount(0)

  await page.getByLabel('Skills').fill('React')
  await page.getByLabel('Hourly rate').fill('forty')
  await page.getByLabel('Headline').click()
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByText('Enter an amount like 45 or 45.50', { exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Hourly rate: Enter an amount like 45 or 45.50' })).toBeVisible()
  await expect(page.getByLabel('Hourly rate')).toHaveValue('forty')

  // Nothing was saved.
  await page.goto('/settings')
  await expect(page.getByLabel('Headline')).toHaveValue('')
})

test('a client saves their company name', async ({ page }, testInfo) => {
  await signUpWithoutForm(page, testInfo, makeUser('client'))
  await openSettings(page, 'Client portal')
  await expect(page.getByLabel('Headline')).toHaveCount(0)
  await page.getByLabel('Company').fill('Northwind Traders')
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(toast(page)).toHaveText('Your profile is saved.')

  await page.goto('/client')
  await expect(page.getByText(/Welcome, .* · Northwind Traders\. Next step: Post your first project\./)).toBeVisible()
})

test('changing the password signs out other devices and the new password works', async ({
  browser,
  page,
}, testInfo) => {
  const user = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const otherContext = await newBrowserContext(browser, testInfo)
  const other = await otherContext.newPage()
  await signInWithoutForm(other, testInfo, user.email, 'client')

  await openPasswordSettings(page, 'Client portal', user.email)
  const newPassword = uniquePassword()
  await page.getByLabel('Current password').fill(user.password)
  await page.getByLabel('New password (required)', { exact: true }).fill(newPassword)
  await page.getByLabel('Repeat new password').fill(newPassword)
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(toast(page)).toHaveText('Your password is changed. Your other devices were signed out.')
  await expectPath(page, '/settings/password')

  // This device stays signed in; the other one is signed out.
  await page.reload()
  await expectPath(page, '/settings/password')
  await other.reload()
  await expectPath(other, '/sign-in')
  await otherContext.close()

  await signOut(page)
  await submitSignIn(page, user)
  await expect(page.getByRole('alert')).toHaveText('The email or password is not right.')
  await signIn(page, { email: user.email, password: newPassword }, 'client')
})

test('a password change with mistakes is refused with the reasons', async ({ page }, testInfo) => {
  const user = await signUpWithoutForm(page, testInfo, makeUser('freelancer'))
  await openPasswordSettings(page, 'Freelancer portal', user.email)
  const currentPassword = page.getByLabel('Current password')
  const newPassword = page.getByLabel('New password (required)', { exact: true })
  const repeat = page.getByLabel('Repeat new password')
  const submit = page.getByRole('button', { name: 'Change password' })

  await currentPassword.fill(user.password)
  await newPassword.fill(uniquePassword())
  await repeat.fill(uniquePassword())
  await submit.click()
  await expect(page.getByText('The two passwords do not match')).toBeVisible()

  const chosen = uniquePassword()
  await currentPassword.fill(`${user.password}-not`)
  await newPassword.fill(chosen)
  await repeat.fill(chosen)
  await submit.click()
  await expect(page.getByText('Your current password is not right')).toBeVisible()
  // Passwords are never sent back in the page.
  if (!isJavaScriptEnabled(testInfo)) await expect(currentPassword).toHaveValue('')

  await currentPassword.fill(user.password)
  await newPassword.fill('password123')
  await repeat.fill('password123')
  await submit.click()
  await expect(page.getByText(/This password is too common/)).toBeVisible()
  await expect(toast(page)).toHaveCount(0)

  // The old password still works.
  await signOut(page)
  await signIn(page, user, 'freelancer')
})

test('each settings section has one h1 and names itself in the tab title', async ({ page }, testInfo) => {
  await signUpWithoutForm(page, testInfo, makeUser('client'))
  for (const [path, title] of [
    ['/settings/appearance', 'Appearance · Settings · MegiLance'],
    ['/settings/billing/card', 'Card on file · Settings · MegiLance'],
  ] as const) {
    await page.goto(path)
    await expect(page).toHaveTitle(title)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings')
  }
  await expect(page.getByRole('heading', { level: 2, name: 'Card on file' })).toBeVisible()
  await page.getByRole('link', { name: '← Billing & tax' }).click()
  await expectPath(page, '/settings/billing')
})

test('on a desktop every settings tab is on screen, the last one (Appearance) too', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await signUpWithoutForm(page, testInfo, makeUser('freelancer'), { at: '/settings' })
  const tabs = page.getByRole('navigation', { name: 'Settings sections' })
  const strip = (await tabs.boundingBox())!
  for (const name of ['Billing & tax', 'Appearance']) {
    const box = (await tabs.getByRole('link', { name, exact: true }).boundingBox())!
    expect(box.x + box.width, name).toBeLessThanOrEqual(strip.x + strip.width)
    // One line per tab label: "Billing & tax" does not break in two.
    expect(box.height, name).toBeLessThan(48)
  }
})
