import { browserFrom, filterSecurityEvents, UK_IP, userWithPlainName } from './ip-fixtures'
import { expect, expectPath, signIn, test, toast } from './fixtures'
import { signUpWithoutForm } from './user-fixtures'

test('a sign-in shows in the user’s security log with its risk factors, and in the admin’s filtered events', async ({
  page,
  browser,
  adminPage,
}, testInfo) => {
  const user = await signUpWithoutForm(page, testInfo, userWithPlainName('freelancer', 'Lena Logbook'))
  const ukContext = await browserFrom(browser, testInfo, UK_IP)
  const uk = await ukContext.newPage()
  await signIn(uk, user, 'freelancer')

  await uk.goto('/settings')
  await uk.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Security' }).click()
  await uk.getByRole('link', { name: 'Security log' }).click()
  await expectPath(uk, '/settings/security/log')
  const signIns = uk
    .getByRole('list', { name: 'Security events' })
    .getByRole('listitem')
    .filter({ hasText: /^Signed in from a new device\s*(Severity: )?Medium/ })
  // One from the sign-up (this machine, signed in as a sign-up does), one from the UK browser, newest first;
  // each once, though a new device's sign-in is logged twice (the admin sees both lines below).
  await expect(signIns).toHaveCount(2)
  const fromUk = signIns.first()
  await expect(fromUk).toContainText(UK_IP)
  await expect(fromUk).toContainText('United Kingdom')
  await expect(fromUk).toContainText(/Chrome \d+ on/)
  await expect(fromUk).toContainText(/Sign-in risk score \d+ of 100 \(low risk\): allowed with the password\./)
  await expect(fromUk.getByRole('list', { name: 'Risk factors' })).toContainText(/New device\s*\+20 points/)

  const events = await filterSecurityEvents(adminPage, user.email, 'Low')
  const adminSignIns = events.filter({ hasText: /^Signed in\s*(Severity: )?Low/ })
  await expect(adminSignIns).toHaveCount(2)
  await expect(adminSignIns.first()).toContainText(`Account: ${user.email}`)
  await expect(adminSignIns.first()).toContainText(/New device\s*\+20 points/)
  // Another severity finds none of them.
  await expect(
    (await filterSecurityEvents(adminPage, user.email, 'High')).filter({ hasText: 'Signed in' }),
  ).toHaveCount(0)
  await ukContext.close()
})

test('signing another browser out shows, with where it was, in the user’s log and the admin’s events', async ({
  page,
  browser,
  adminPage,
}, testInfo) => {
  const user = await signUpWithoutForm(page, testInfo, userWithPlainName('client', 'Sam Sessions'))
  const ukContext = await browserFrom(browser, testInfo, UK_IP)
  const uk = await ukContext.newPage()
  await signIn(uk, user, 'client')

  await page.goto('/settings/sessions')
  const browsers = page.getByRole('list', { name: 'Signed-in browsers' }).getByRole('listitem')
  const ukBrowser = browsers.filter({ hasText: `IP ${UK_IP}` })
  await expect(ukBrowser).toContainText(/approximate location: .*United Kingdom/)
  const thisBrowser = browsers.filter({ has: page.getByText('This browser', { exact: true }) })
  await expect(thisBrowser).toContainText('approximate location: Unknown')
  await ukBrowser.getByRole('button', { name: 'Sign out this browser' }).click()
  await expect(toast(page)).toHaveText('That browser is signed out.')

  await page.goto('/settings/security/log')
  await expect(page.getByRole('heading', { level: 2, name: 'Security log' })).toBeVisible()
  const revoked = page
    .getByRole('list', { name: 'Security events' })
    .getByRole('listitem')
    .filter({ hasText: 'Session signed out' })
  await expect(revoked).toHaveCount(1)
  await expect(revoked).toContainText('Low')
  await expect(revoked).toContainText(`Signed out Chrome`)
  await expect(revoked).toContainText(`(IP ${UK_IP})`)

  const events = await filterSecurityEvents(adminPage, user.email, 'Low')
  const adminRow = events.filter({ hasText: 'Session signed out' })
  await expect(adminRow).toHaveCount(1)
  await adminRow.getByRole('link', { name: user.email }).click()
  await expect(adminPage.getByRole('heading', { level: 1, name: user.name })).toBeVisible()
  await ukContext.close()
})

test('the admin’s filters say so when nothing matches, and can be cleared', async ({ page, adminPage }, testInfo) => {
  const user = await signUpWithoutForm(page, testInfo, userWithPlainName('freelancer', 'Fay Filters'), {
    at: '/settings/sessions',
  })
  await expect(page.getByRole('button', { name: 'Sign out all other browsers' })).toHaveCount(0)
  const events = await filterSecurityEvents(adminPage, user.email, 'Critical')
  await expect(events).toHaveCount(0)
  await expect(adminPage.getByText('No security events match these filters.')).toBeVisible()
  await adminPage.getByRole('link', { name: 'Clear filters' }).click()
  await expectPath(adminPage, '/admin/security-events')
  await expect(
    adminPage.getByRole('search', { name: 'Filter security events' }).getByLabel('Account email'),
  ).toHaveValue('')
})
