import { insertSessionCookie, userIdByEmail } from './db-fixtures'
import {
  confirmWithEmailCode,
  DEMO_ACCOUNTS,
  expect,
  expectPath,
  expectPortal,
  makeUser,
  newBrowserContext,
  type Page,
  signIn,
  submitSignIn,
  test,
  toast,
} from './fixtures'
import { signUpWithoutForm } from './user-fixtures'

/** Finds the user through the admin search and opens their page. */
async function openUserAsAdmin(adminPage: Page, email: string, name: string) {
  await adminPage.getByRole('navigation', { name: 'Admin portal' }).getByRole('link', { name: 'Users' }).click()
  await expectPath(adminPage, '/admin/users')
  const search = adminPage.getByRole('search', { name: 'Find users' })
  await search.getByLabel('Name or email').fill(email)
  await search.getByRole('button', { name: 'Search' }).click()
  await expect(adminPage).toHaveURL((url) => url.searchParams.get('q') === email)
  await expect(adminPage.getByText(/^1 matching account/)).toBeVisible()
  await adminPage.getByRole('link', { name }).click()
  await expect(adminPage.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect(adminPage).toHaveURL(/\/admin\/users\/[^/]+$/)
}

test('a blocked user is signed out, refused with the reason, and let back in when unblocked', async ({
  page,
  adminPage,
}, testInfo) => {
  const user = await signUpWithoutForm(page, testInfo, makeUser('freelancer'))
  const reason = 'Asked clients to pay outside the platform, twice.'

  await openUserAsAdmin(adminPage, user.email, user.name)
  await adminPage.getByLabel('Reason for blocking').fill(reason)
  await adminPage.getByRole('button', { name: 'Block user' }).click()
  await expect(toast(adminPage)).toHaveText(`${user.name} is blocked and signed out.`)
  await expect(adminPage.getByText(`Reason shown to the user: ${reason}`)).toBeVisible()
  await expect(adminPage.getByRole('button', { name: 'Unblock user' })).toBeVisible()

  // The user's open session ended: their next page load asks them to sign in, saying why and how
  // to contest it, as the sign-in refusal does.
  await page.reload()
  await expectPath(page, '/sign-in')
  await expect(page.getByRole('alert')).toHaveText(
    `You were signed out. This account is blocked. Reason given: ${reason}`,
  )
  await expect(page.getByRole('link', { name: 'contact form' })).toHaveAttribute('href', '/help/contact?topic=account')
  await expect(page.getByRole('navigation', { name: 'Account' }).getByRole('button', { name: 'Sign out' })).toHaveCount(
    0,
  )

  await submitSignIn(page, user)
  // The form's own refusal (with JavaScript, the sign-out's toast may still be showing beside it).
  await expect(page.locator('#sign-in').getByRole('alert')).toHaveText(
    `This account is blocked. Reason given: ${reason}`,
  )
  await expectPath(page, '/sign-in')

  // The blocked list shows them.
  await adminPage.goto('/admin/users?status=blocked')
  await expect(adminPage.getByRole('link', { name: user.name })).toBeVisible()

  await adminPage.getByRole('link', { name: user.name }).click()
  await adminPage.getByRole('button', { name: 'Unblock user' }).click()
  await expect(toast(adminPage)).toHaveText(`${user.name} can sign in again.`)
  await expect(adminPage.getByLabel('Reason for blocking')).toBeVisible()

  await signIn(page, user, 'freelancer')
})

test('blocking needs a reason of at least 10 characters', async ({ page, adminPage }, testInfo) => {
  const user = await signUpWithoutForm(page, testInfo, makeUser('client'))
  await openUserAsAdmin(adminPage, user.email, user.name)
  await adminPage.getByLabel('Reason for blocking').fill('spam')
  await adminPage.getByRole('button', { name: 'Block user' }).click()
  await expect(adminPage.getByText('Explain the reason in at least 10 characters')).toBeVisible()
  await expect(adminPage.getByLabel('Reason for blocking')).toHaveValue('spam')
  await expect(adminPage.getByRole('button', { name: 'Unblock user' })).toHaveCount(0)

  // Nothing happened to the user.
  await page.reload()
  await expectPortal(page, 'client')
})

test('the admin user list filters by role and status', async ({ page, adminPage }, testInfo) => {
  const user = await signUpWithoutForm(page, testInfo, makeUser('client'))
  await adminPage.goto('/admin/users')
  const search = adminPage.getByRole('search', { name: 'Find users' })
  await search.getByLabel('Name or email').fill(user.email)
  await search.getByLabel('Role').selectOption('Freelancer')
  await search.getByRole('button', { name: 'Search' }).click()
  await expect(adminPage.getByText(/^0 matching accounts/)).toBeVisible()
  await expect(adminPage.getByRole('link', { name: user.name })).toHaveCount(0)

  await search.getByLabel('Role').selectOption('Client')
  await search.getByLabel('Status').selectOption('Active')
  await search.getByRole('button', { name: 'Search' }).click()
  await expect(adminPage.getByText(/^1 matching account/)).toBeVisible()
  const row = adminPage.getByRole('row').filter({ has: adminPage.getByRole('link', { name: user.name }) })
  await expect(row).toContainText(user.email)
  await expect(row).toContainText(/client/i)
  // The filters keep their values.
  await expect(search.getByLabel('Name or email')).toHaveValue(user.email)
  await expect(search.getByLabel('Role')).toHaveValue('client')
  await expect(search.getByLabel('Status')).toHaveValue('active')
})

test('an admin signs a user out of every session, and the security log says so', async ({
  page,
  adminPage,
}, testInfo) => {
  const user = await signUpWithoutForm(page, testInfo, makeUser('client'))
  await openUserAsAdmin(adminPage, user.email, user.name)
  const sessions = adminPage.getByRole('region', { name: 'Sessions' })
  await expect(sessions).toContainText('Signed in on 1 browser.')
  await sessions.getByRole('button', { name: 'Sign out of every session' }).click()
  await expect(toast(adminPage)).toHaveText(`${user.name} is signed out of 1 session.`)
  await expect(adminPage.getByRole('region', { name: 'Sessions' })).toContainText('Signed in on 0 browsers.')

  await page.reload()
  await expectPath(page, '/sign-in')
  await signIn(page, user, 'client')
  await page.goto('/settings/security/log')
  await expect(page.getByText('Every session, by an administrator')).toBeVisible()
})

test('an admin whose second factor is over 10 minutes old confirms one before blocking, and comes back to the page', async ({
  page,
  browser,
}, testInfo) => {
  const user = await signUpWithoutForm(page, testInfo, makeUser('freelancer'))
  const context = await newBrowserContext(browser, testInfo)
  const hourAgo = new Date(Date.now() - 60 * 60_000)
  await context.addCookies([
    await insertSessionCookie(DEMO_ACCOUNTS.admin.email, testInfo.project.use.baseURL!, hourAgo),
  ])
  const admin = await context.newPage()
  const userPage = `/admin/users/${await userIdByEmail(user.email)}`
  await admin.goto(userPage)
  const notice = admin.getByText(
    'Changes to members’ accounts and money need a second factor from the last 10 minutes.',
  )
  await expect(notice).toBeVisible()

  // Sending the form anyway goes through the step-up and back to the same page; nothing is blocked
  // meanwhile, and the reason typed is still in the form, to send with one more press.
  const reason = 'Asked clients to pay outside the platform.'
  await admin.getByLabel('Reason for blocking').fill(reason)
  await admin.getByRole('button', { name: 'Block user' }).click()
  await expectPath(admin, '/settings/security/verify')
  expect(admin.url()).not.toContain('pay%20outside')
  await expect(admin.getByText('This change needs a second factor from the last 10 minutes.')).toBeVisible()
  await confirmWithEmailCode(admin, DEMO_ACCOUNTS.admin.email)
  await expectPath(admin, userPage)
  await expect(notice).toHaveCount(0)
  await expect(admin.getByLabel('Reason for blocking')).toHaveValue(reason)
  await expect(admin.getByRole('button', { name: 'Unblock user' })).toHaveCount(0)

  await admin.getByRole('button', { name: 'Block user' }).click()
  await expect(toast(admin)).toHaveText(`${user.name} is blocked and signed out.`)
  await expect(admin.getByText(`Reason shown to the user: ${reason}`)).toBeVisible()

  // Kept once: after the block, the page holds no stale draft.
  await admin.getByRole('button', { name: 'Unblock user' }).click()
  await expect(toast(admin)).toHaveText(`${user.name} can sign in again.`)
  await expect(admin.getByLabel('Reason for blocking')).toHaveValue('')
  await context.close()
})
