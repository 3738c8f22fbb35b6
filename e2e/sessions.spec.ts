import { expect, expectPath, expectPortal, makeUser, newBrowserContext, signIn, test, toast } from './fixtures'
import { backdateSessionsOf, cookiePlace } from './db-fixtures'
import { signInWithoutForm, signUpWithoutForm } from './user-fixtures'

test('a user sees where they are signed in and signs other browsers out', async ({ page, browser }, testInfo) => {
  const user = await signUpWithoutForm(page, testInfo, makeUser('freelancer'))
  const otherContext = await newBrowserContext(browser, testInfo)
  const other = await otherContext.newPage()
  await signInWithoutForm(other, testInfo, user.email, 'freelancer')

  await page.goto('/settings')
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Sessions' }).click()
  await expectPath(page, '/settings/sessions')
  const browsers = page.getByRole('list', { name: 'Signed-in browsers' }).getByRole('listitem')
  await expect(browsers).toHaveCount(2)
  const thisBrowser = page.getByText('This browser', { exact: true })
  await expect(browsers.filter({ has: thisBrowser })).toHaveCount(1)
  await expect(browsers.first()).toContainText(/Chrome \d+ on/)

  // Revoking a session signs that browser out on its next request.
  await browsers.filter({ hasNot: thisBrowser }).getByRole('button', { name: 'Sign out this browser' }).click()
  await expect(toast(page)).toHaveText('That browser is signed out.')
  await expect(browsers).toHaveCount(1)
  await other.goto('/freelancer')
  await expectPath(other, '/sign-in')

  // Signing in again there, then "all other browsers" signs it out once more; this one stays in.
  await signInWithoutForm(other, testInfo, user.email, 'freelancer')
  await page.reload()
  await expect(browsers).toHaveCount(2)
  await page.getByRole('button', { name: 'Sign out all other browsers' }).click()
  await expect(toast(page)).toHaveText('Every other browser is signed out.')
  await expect(browsers).toHaveCount(1)
  await other.goto('/settings')
  await expectPath(other, '/sign-in')
  await page.goto('/settings/sessions')
  await expectPath(page, '/settings/sessions')
  await otherContext.close()
})

test('the session cookie is a __Host- cookie, and one under its old name from before the deploy is moved to it', async ({
  page,
  browser,
}, testInfo) => {
  const user = await signUpWithoutForm(page, testInfo, makeUser('client'))
  const signedIn = await newBrowserContext(browser, testInfo)
  await signIn(await signedIn.newPage(), user, 'client')
  const cookies = await signedIn.cookies()
  const session = cookies.find((cookie) => cookie.name === '__Host-session')
  expect(session).toMatchObject({ secure: true, path: '/', httpOnly: true })
  expect(cookies.map((cookie) => cookie.name)).not.toContain('__session')

  // A session cookie of the old name, set by a sibling subdomain, say, signs nobody in when its
  // session began after the prefix: cookies of that name come only from before the deploy.
  const { baseURL } = testInfo.project.use
  const oldName = (value: string) => ({ name: '__session', value, ...cookiePlace(baseURL!, true), httpOnly: true })
  const planted = await newBrowserContext(browser, testInfo)
  await planted.addCookies([oldName(session!.value)])
  const plantedPage = await planted.newPage()
  await plantedPage.goto('/client')
  await expectPath(plantedPage, '/sign-in')
  await planted.close()

  // A browser signed in before the prefix (the deploy) holds its signed token under the old name.
  await backdateSessionsOf(user.email)
  const before = await newBrowserContext(browser, testInfo)
  await before.addCookies([oldName(session!.value)])
  const old = await before.newPage()
  await old.goto('/client')
  await expectPortal(old, 'client')
  const moved = (await before.cookies()).map((cookie) => cookie.name)
  expect(moved).toContain('__Host-session')
  expect(moved).not.toContain('__session')
  await old.goto('/client/projects')
  await expectPath(old, '/client/projects')
  await signedIn.close()
  await before.close()
})
