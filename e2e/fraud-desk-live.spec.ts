import { expect, test } from './fixtures'
import { plantUnscreenedCardTestingRun } from './fraud-fixtures'

// Live updates need JavaScript, so this spec runs only in the `js` project (see playwright.config.ts).
test('with JavaScript, an alert raised while the fraud desk is open appears in the list without a reload', async ({
  adminPage,
  playwright,
}, testInfo) => {
  const tester = await plantUnscreenedCardTestingRun()
  const listening = adminPage.waitForResponse((response) => new URL(response.url()).pathname === '/admin/fraud/events')
  await adminPage.goto(`/admin/fraud?person=${encodeURIComponent(tester.email)}`)
  expect((await listening).status()).toBe(200)
  const table = adminPage.getByRole('table', { name: 'Fraud alerts' })
  await expect(adminPage.getByText('No alerts match these filters.')).toBeVisible()
  await adminPage.evaluate(() => Object.assign(window, { __noReload: true }))

  // The tester signs in elsewhere: the server screens the account and raises the alert.
  const elsewhere = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL })
  const signIn = await elsewhere.post('/sign-in', {
    form: { email: tester.email, password: tester.password },
    maxRedirects: 0,
  })
  expect(signIn.status()).toBe(302)
  await elsewhere.dispose()

  await expect(table.getByRole('link', { name: 'Card testing' })).toBeVisible()
  await expect(table).toContainText('6 cards tried 6 times in 3 minutes, 6 declined.')
  expect(await adminPage.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true)
})
