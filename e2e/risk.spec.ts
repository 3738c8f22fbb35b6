import { readCodeFromOutbox } from './db-fixtures'
import { expect, expectPath, expectPortal, makeUser, newBrowserContext, signIn, signOut, signUp, submitSignIn, test } from './fixtures'

// The e2e server runs with TRUST_PROXY, so X-Forwarded-For says where the browser is.
const ST_ALBANS_UK = '81.2.69.142'
const POULSBO_US = '216.160.83.56'

test('signing in from the US minutes after the UK asks for a second factor and shows why', async ({ browser, page }, testInfo) => {
  const user = await signUp(page, makeUser('freelancer'))
  await signOut(page)
  const context = await newBrowserContext(browser, testInfo)
  const traveller = await context.newPage()
  await context.setExtraHTTPHeaders({ 'X-Forwarded-For': ST_ALBANS_UK })
  await signIn(traveller, user, 'freelancer')
  await signOut(traveller)

  await context.setExtraHTTPHeaders({ 'X-Forwarded-For': POULSBO_US })
  await submitSignIn(traveller, user)
  await expectPath(traveller, '/sign-in/verify')
  await traveller.getByLabel('Code').fill(await readCodeFromOutbox(user.email, 'Your MegiLance security code%'))
  await traveller.getByRole('button', { name: 'Confirm' }).click()
  await expectPortal(traveller, 'freelancer')

  await traveller.goto('/settings/security/log')
  const log = traveller.getByRole('main')
  await expect(log.getByText(/impossible_travel|Impossible travel/).first()).toBeVisible()
  await expect(log.getByText(/km\/h/).first()).toBeVisible()
  await context.close()
})
