import { describe, expect, it } from 'vitest'
import { findWebAuthnCredential } from '~/models/webauthn.server'
import * as passkeysRoute from '~/routes/_portal.settings.security.passkeys'
import * as securityKeysRoute from '~/routes/_portal.settings.security.security-keys'
import { getEnv } from '~/utils/env.server'
import { formRequest, getRequest, run } from './requests'
import { softAuthenticator } from './soft-authenticator'
import { confirmPasswordNow, createTestUser, passStepUpNow, signedInCookie } from './users'

const KEYS = '/settings/security/security-keys'

/** Signed in, with the password just re-entered: an account without factors needs it to add one. */
async function signedIn() {
  const user = await createTestUser('freelancer')
  const cookie = await signedInCookie(user.id)
  await confirmPasswordNow(cookie)
  return { user, cookie }
}

async function addSecurityKey(cookie: string, name: string) {
  const authenticator = softAuthenticator(getEnv().WEBAUTHN_RP_ID, getEnv().WEBAUTHN_ORIGIN)
  const page = await (await run(securityKeysRoute.loader, getRequest(KEYS, cookie))).json()
  const response = authenticator.register(page.registrationOptions)
  const added = await run(securityKeysRoute.action, formRequest(KEYS, { intent: 'add', name, response }, cookie))
  expect(added.status).toBe(302)
  return authenticator.id
}

describe('passkey and security key settings', () => {
  it('asks for the right kind of authenticator and takes the relying party from configuration, not the Host', async () => {
    const { cookie } = await signedIn()
    const request = (path: string) => new Request(`https://evil.example${path}`, { headers: { cookie } })
    const passkeys = await (await run(passkeysRoute.loader, request('/settings/security/passkeys'))).json()
    expect(passkeys.registrationOptions.rp.id).toBe('localhost')
    expect(passkeys.registrationOptions.authenticatorSelection).toMatchObject({
      authenticatorAttachment: 'platform',
      residentKey: 'preferred',
    })
    const keys = await (await run(securityKeysRoute.loader, request(KEYS))).json()
    expect(keys.registrationOptions.authenticatorSelection).toMatchObject({
      authenticatorAttachment: 'cross-platform',
      residentKey: 'discouraged',
    })
  })

  it('adds and lists a key, excludes it when adding another, and refuses a bad answer with 400', async () => {
    const { cookie } = await signedIn()
    const id = await addSecurityKey(cookie, 'Blue key')
    // A second one needs a step-up with a factor the account had before.
    await passStepUpNow(cookie)
    const page = await (await run(securityKeysRoute.loader, getRequest(KEYS, cookie))).json()
    expect(page.credentials.map((c: { name: string }) => c.name)).toEqual(['Blue key'])
    expect(page.registrationOptions.excludeCredentials.map((c: { id: string }) => c.id)).toEqual([id])
    const bad = await run(
      securityKeysRoute.action,
      formRequest(KEYS, { intent: 'add', name: 'x', response: '{"id":1}' }, cookie),
    )
    expect(bad.status).toBe(400)
  })

  it('renames only the owner’s key, and asks for a recent second factor before removing one', async () => {
    const { cookie } = await signedIn()
    const other = await signedIn()
    const id = await addSecurityKey(cookie, 'Blue key')

    const stranger = await run(
      securityKeysRoute.action,
      formRequest(KEYS, { intent: 'rename', credentialId: id, name: 'Mine' }, other.cookie),
    )
    expect(stranger.status).toBe(404)
    const renamed = await run(
      securityKeysRoute.action,
      formRequest(KEYS, { intent: 'rename', credentialId: id, name: 'Red key' }, cookie),
    )
    expect(renamed.status).toBe(302)
    expect((await findWebAuthnCredential(id))?.name).toBe('Red key')

    const remove = () =>
      run(securityKeysRoute.action, formRequest(KEYS, { intent: 'remove', credentialId: id }, cookie))
    const stepUp = await remove()
    expect(stepUp.status).toBe(302)
    expect(stepUp.headers.get('location')).toBe(
      `/settings/security/verify?${new URLSearchParams({ redirectTo: KEYS })}`,
    )
    expect(await findWebAuthnCredential(id)).toBeDefined()

    await passStepUpNow(cookie)
    // Through the passkeys page it is not found: each page manages its own kind.
    const wrongPage = await run(
      passkeysRoute.action,
      formRequest('/settings/security/passkeys', { intent: 'remove', credentialId: id }, cookie),
    )
    expect(wrongPage.status).toBe(404)
    expect((await remove()).headers.get('location')).toBe(KEYS)
    expect(await findWebAuthnCredential(id)).toBeUndefined()
  })
})
