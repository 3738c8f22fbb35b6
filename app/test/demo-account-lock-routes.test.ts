import { describe, expect, it } from 'vitest'
import { markDemoAccounts } from '~/models/demo-accounts.server'
import { findUserById } from '~/models/users.server'
import { DEMO_SIGN_IN_FIXED } from '~/http/demo-account.server'
import { verifyCredentials } from '~/services/accounts/accounts.server'
import { loader as settingsLayoutLoader } from '~/routes/_portal.settings'
import { action as passwordAction } from '~/routes/_portal.settings.password'
import { action as emailAction } from '~/routes/_portal.settings.email'
import { action as authenticatorAction } from '~/routes/_portal.settings.security.authenticator'
import { action as phoneAction } from '~/routes/_portal.settings.security.phone'
import { action as emailCodesAction } from '~/routes/_portal.settings.security.email-codes'
import { action as backupCodesAction } from '~/routes/_portal.settings.security.backup-codes'
import { action as passkeysAction } from '~/routes/_portal.settings.security.passkeys'
import { action as securityKeysAction } from '~/routes/_portal.settings.security.security-keys'
import { action as allowlistAction } from '~/routes/_portal.settings.security.allowlist'
import { formRequest, getRequest, run } from './requests'
import { TEST_PASSWORD, createTestUser, signedInCookie } from './users'

const NEW_PASSWORD = 'a brand new pass phrase 2026'

/** Every settings action that changes how the account signs in, with a form it would accept. */
const CHANGES = [
  {
    path: '/settings/password',
    action: passwordAction,
    fields: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
  },
  {
    path: '/settings/email',
    action: emailAction,
    fields: { intent: 'send', email: 'moved-away@example.com', password: TEST_PASSWORD },
  },
  { path: '/settings/security/authenticator', action: authenticatorAction, fields: { intent: 'start' } },
  { path: '/settings/security/phone', action: phoneAction, fields: { intent: 'send', phone: '+447700900123' } },
  { path: '/settings/security/email-codes', action: emailCodesAction, fields: { intent: 'enable' } },
  { path: '/settings/security/backup-codes', action: backupCodesAction, fields: { intent: 'generate' } },
  { path: '/settings/security/passkeys', action: passkeysAction, fields: { intent: 'options' } },
  { path: '/settings/security/security-keys', action: securityKeysAction, fields: { intent: 'options' } },
  {
    path: '/settings/security/allowlist',
    action: allowlistAction,
    fields: { intent: 'add', cidr: '203.0.113.0/24', label: 'Office' },
  },
] as const

describe('the shared demo accounts keep their published sign-in', () => {
  it('refuses every change to the email, password, second factors and allowed networks of a demo account', async () => {
    const demo = await createTestUser('client')
    await markDemoAccounts([demo.id])
    const cookie = await signedInCookie(demo.id, { secondFactorAt: new Date() })
    for (const change of CHANGES) {
      const response = await run(change.action, formRequest(change.path, change.fields, cookie))
      expect([change.path, response.status]).toEqual([change.path, 403])
      expect(await response.text()).toBe(DEMO_SIGN_IN_FIXED)
    }
    expect((await findUserById(demo.id))?.email).toBe(demo.email)
    await expect(verifyCredentials(demo.email, TEST_PASSWORD)).resolves.toMatchObject({ id: demo.id })
  })

  it('says so on its settings pages, and says nothing to anyone else', async () => {
    const demo = await createTestUser('freelancer')
    await markDemoAccounts([demo.id])
    const own = await createTestUser('freelancer')
    const notice = async (userId: string) => {
      const response = await run(settingsLayoutLoader, getRequest('/settings', await signedInCookie(userId)))
      return ((await response.json()) as { demoNotice: string | null }).demoNotice
    }
    expect(await notice(demo.id)).toBe(DEMO_SIGN_IN_FIXED)
    expect(await notice(own.id)).toBeNull()
    // Anyone else's password change goes through as before.
    const cookie = await signedInCookie(own.id, { secondFactorAt: new Date() })
    const fields = { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }
    expect((await run(passwordAction, formRequest('/settings/password', fields, cookie))).status).toBe(302)
  })
})
