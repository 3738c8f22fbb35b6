import {
  expect,
  expectPath,
  expectPortal,
  makeUser,
  type Page,
  signOut,
  signUp,
  submitSignIn,
  test,
  toast,
} from './fixtures'
import { confirmPassword, confirmWithEmailedCode } from './step-up-helpers'

/*
 * Chromium's virtual authenticator stands in for Touch ID / Windows Hello ("internal") and for a
 * USB security key. It belongs to this page's DevTools session, so the test keeps the same page.
 */
const KINDS = [
  {
    transport: 'internal',
    path: '/settings/security/passkeys',
    title: 'Passkeys',
    add: 'Add a passkey',
    method: 'Passkey',
    use: 'Use your passkey',
  },
  {
    transport: 'usb',
    path: '/settings/security/security-keys',
    title: 'Security keys',
    add: 'Add a security key',
    method: 'Security key',
    use: 'Use your security key',
  },
] as const

async function addVirtualAuthenticator(page: Page, transport: 'internal' | 'usb') {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('WebAuthn.enable')
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport,
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  })
  return { cdp, authenticatorId }
}

for (const kind of KINDS) {
  test(`${kind.title}: add one, rename it, sign in with it, and remove it (confirmed by email while it is new)`, async ({
    page,
  }) => {
    const { cdp, authenticatorId } = await addVirtualAuthenticator(page, kind.transport)
    const user = await signUp(page, makeUser('freelancer'))
    await page.goto(kind.path)
    await expect(page.getByRole('heading', { level: 2, name: kind.title })).toBeVisible()
    await expect(
      page.getByText(`You have not added a ${kind.title.toLowerCase().replace(/s$/, '')} yet.`),
    ).toBeVisible()
    // A first factor: the password again, then back here.
    await page.getByRole('link', { name: 'confirm it is you' }).click()
    await confirmPassword(page, user.password)
    await expectPath(page, kind.path)

    await page.getByLabel('Name').fill('Work laptop')
    await page.getByRole('button', { name: kind.add }).click()
    await expectPath(page, kind.path)
    await expect(toast(page)).toHaveText('“Work laptop” is added. You can use it to sign in.')
    const list = page.getByRole('list', { name: `Your ${kind.title.toLowerCase()}` })
    const item = list.getByRole('listitem', { name: 'Work laptop' })
    await expect(item).toContainText('not used to sign in yet')
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId })
    expect(credentials).toHaveLength(1)

    await item.getByLabel('Name').fill('Home laptop')
    await item.getByRole('button', { name: 'Rename' }).click()
    await expect(toast(page)).toHaveText('Renamed to “Home laptop”.')
    await expect(list.getByRole('listitem', { name: 'Home laptop' })).toBeVisible()
    await expect(list.getByRole('listitem')).toHaveCount(1)

    // Adding another needs a step-up with a factor the account had before: this key is new, so the
    // step-up offers the account's email instead. The same authenticator cannot be added twice.
    await page.getByRole('link', { name: 'confirm it is you' }).click()
    await confirmWithEmailedCode(page, user.email)
    await expectPath(page, kind.path)
    await page.getByRole('button', { name: kind.add }).click()
    await expect(page.getByRole('alert')).toContainText('already added')
    await expect(list.getByRole('listitem')).toHaveCount(1)

    // Signing in again asks for the key after the password, and it works.
    await signOut(page)
    await submitSignIn(page, user)
    await expectPath(page, '/sign-in/verify')
    await answerWithWebAuthn(page, kind.method, kind.use)
    await expectPortal(page, 'freelancer')
    await expect(toast(page)).toHaveText(`Signed in as ${user.email}.`)

    await page.goto(kind.path)
    const used = list.getByRole('listitem', { name: 'Home laptop' })
    await expect(used).toContainText('last used')
    // A sign-in with a key less than a day old is no step-up: removing it is confirmed by email.
    await used.getByRole('button', { name: 'Remove' }).click()
    await confirmWithEmailedCode(page, user.email)
    await expectPath(page, kind.path)
    await used.getByRole('button', { name: 'Remove' }).click()
    await expect(toast(page)).toHaveText(`That ${kind.method.toLowerCase()} is removed from your account.`)
    await expect(page.getByText(`You have not added a ${kind.method.toLowerCase()} yet.`)).toBeVisible()
  })
}

/** On a "Confirm it is you" page: choose the method (when there is a choice) and let the authenticator answer. */
async function answerWithWebAuthn(page: Page, method: string, button: string) {
  await expect(page.getByRole('heading', { name: 'Confirm it is you' })).toBeVisible()
  const choices = page.getByRole('navigation', { name: 'Ways to confirm' })
  if (await choices.isVisible()) await choices.getByRole('link', { name: method }).click()
  await expect(page.getByRole('heading', { level: 2, name: method })).toBeVisible()
  await page.getByRole('button', { name: button }).click()
}
