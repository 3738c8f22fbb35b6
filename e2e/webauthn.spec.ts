import crypto from 'node:crypto'
import { insertWebAuthnCredential } from '~/models/webauthn.server'
import { userIdByEmail } from './db-fixtures'
import { expect, expectPath, isJavaScriptEnabled, makeUser, test, toast } from './fixtures'
import { signUpWithoutForm } from './user-fixtures'
import { confirmPassword } from './step-up-helpers'

/** A stored security key, as if added earlier (the ceremony itself is tested in webauthn-live.spec.ts). */
async function insertSecurityKey(email: string, name: string) {
  const id = crypto.randomBytes(16).toString('base64url')
  await insertWebAuthnCredential({
    id,
    userId: await userIdByEmail(email),
    kind: 'security_key',
    name,
    publicKey: crypto.randomBytes(77),
    counter: 0,
    transports: 'usb',
    createdAt: new Date(),
  })
  return id
}

test('the security keys page lists and renames keys, and says when adding one needs JavaScript', async ({
  page,
}, testInfo) => {
  const user = await signUpWithoutForm(page, testInfo, makeUser('client'), { at: '/settings/security/security-keys' })
  await expect(page.getByRole('heading', { level: 2, name: 'Security keys' })).toBeVisible()
  await expect(page.getByText('A security key is a small device, such as a YubiKey')).toBeVisible()
  await expect(page.getByText('You have not added a security key yet.')).toBeVisible()
  // Adding a first factor asks for the password again; until then the page links there instead.
  await expect(page.getByRole('button', { name: 'Add a security key' })).toHaveCount(0)
  await page.getByRole('link', { name: 'confirm it is you' }).click()
  await confirmPassword(page, user.password)
  await expectPath(page, '/settings/security/security-keys')
  const needsJs = page.getByText('Adding a security key needs JavaScript. Turn it on in your browser to add one.')
  const add = page.getByRole('button', { name: 'Add a security key' })
  if (isJavaScriptEnabled(testInfo)) {
    await expect(add).toBeEnabled()
    await expect(needsJs).toBeHidden()
  } else {
    await expect(add).toBeDisabled()
    await expect(needsJs).toBeVisible()
  }

  await insertSecurityKey(user.email, 'Blue key')
  await page.reload()
  const list = page.getByRole('list', { name: 'Your security keys' })
  const item = list.getByRole('listitem', { name: 'Blue key' })
  await expect(item).toContainText('not used to sign in yet')

  await item.getByLabel('Name').fill('')
  await item.getByRole('button', { name: 'Rename' }).click()
  await expect(item.getByText('Give it a name.')).toBeVisible()
  await item.getByLabel('Name').fill('Keyring key')
  await item.getByRole('button', { name: 'Rename' }).click()
  await expect(toast(page)).toHaveText('Renamed to “Keyring key”.')
  await expect(list.getByRole('listitem', { name: 'Keyring key' })).toBeVisible()

  // Passkeys are a separate list.
  await page.goto('/settings/security/passkeys')
  await expect(page.getByText('You have not added a passkey yet.')).toBeVisible()
  await expect(page.getByText('Touch ID or Face ID, Windows Hello, or an Android screen lock')).toBeVisible()
})
