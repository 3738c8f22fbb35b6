import { readCodeFromOutbox } from './db-fixtures'
import {
  expect,
  expectPath,
  expectPortal,
  makeUser,
  newBrowserContext,
  signIn,
  signOut,
  submitSignIn,
  test,
} from './fixtures'
import { createAccountWithoutBrowser } from './user-fixtures'
import { UK_IP, US_IP } from './ip-fixtures'

test('signing in from the US minutes after the UK asks for a second factor and shows why', async ({
  browser,
}, testInfo) => {
  const user = await createAccountWithoutBrowser(makeUser('freelancer'))
  const context = await newBrowserContext(browser, testInfo)
  const traveller = await context.newPage()
  // The e2e server runs with TRUST_PROXY, so X-Forwarded-For says where the browser is.
  await context.setExtraHTTPHeaders({ 'X-Forwarded-For': UK_IP })
  await signIn(traveller, user, 'freelancer')
  await signOut(traveller)

  await context.setExtraHTTPHeaders({ 'X-Forwarded-For': US_IP })
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
