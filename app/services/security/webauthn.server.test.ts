import { describe, expect, it } from 'vitest'
import { countSecurityEvents } from '~/models/security-events.server'
import { findWebAuthnCredential, storeWebAuthnChallenge, takeWebAuthnChallenge } from '~/models/webauthn.server'
import { softAuthenticator } from '~/test/soft-authenticator'
import { createTestUser } from '~/test/users'
import { getEnv } from '~/utils/env.server'
import { availableMethodsOf, prepareSecondFactor } from './second-factor.server'
import {
  authenticationOptionsFor,
  counterIsAcceptable,
  listCredentialsOf,
  passkeyMethod,
  registerCredential,
  registrationOptionsFor,
  removeCredential,
  securityKeyMethod,
  verifyAuthentication,
} from './webauthn.server'

const origin = { ip: '203.0.113.7', userAgent: 'vitest', deviceId: null }

async function userWithSecurityKey() {
  const user = await createTestUser('freelancer')
  const authenticator = softAuthenticator(getEnv().WEBAUTHN_RP_ID, getEnv().WEBAUTHN_ORIGIN)
  const options = await registrationOptionsFor(user, 'security_key')
  const added = await registerCredential(
    user,
    'security_key',
    { name: 'Blue key', response: authenticator.register(options) },
    origin,
  )
  expect(added).toEqual({ ok: true, name: 'Blue key' })
  return { user, authenticator }
}

async function signInWith(userId: string, authenticator: ReturnType<typeof softAuthenticator>, counter: number) {
  authenticator.state.counter = counter
  return verifyAuthentication(
    userId,
    'security_key',
    authenticator.authenticate(await authenticationOptionsFor(userId, 'security_key')),
  )
}

describe('the signature counter rule', () => {
  it('accepts authenticators without a counter and counters that go up; refuses one that does not', () => {
    expect(counterIsAcceptable(0, 0)).toBe(true)
    expect(counterIsAcceptable(0, 1)).toBe(true)
    expect(counterIsAcceptable(4, 5)).toBe(true)
    expect(counterIsAcceptable(5, 5)).toBe(false)
    expect(counterIsAcceptable(5, 3)).toBe(false)
    // A counter that drops back to 0 after being used is a clone, too.
    expect(counterIsAcceptable(5, 0)).toBe(false)
  })

  it('refuses a sign-in whose counter does not increase (a cloned authenticator), then accepts a higher one', async () => {
    const { user, authenticator } = await userWithSecurityKey()
    expect(await signInWith(user.id, authenticator, 3)).toBe(true)
    expect((await findWebAuthnCredential(authenticator.id))?.counter).toBe(3)
    expect(await signInWith(user.id, authenticator, 3)).toBe(false)
    expect(await signInWith(user.id, authenticator, 2)).toBe(false)
    expect(await signInWith(user.id, authenticator, 7)).toBe(true)
    const saved = await findWebAuthnCredential(authenticator.id)
    expect(saved?.counter).toBe(7)
    expect(saved?.lastUsedAt).toBeInstanceOf(Date)
  })
})

describe('challenges', () => {
  it('can be taken once only', async () => {
    const user = await createTestUser('client')
    const now = new Date()
    const challenge = { userId: user.id, purpose: 'authenticate' as const, kind: 'passkey' as const, challenge: 'abc' }
    await storeWebAuthnChallenge(challenge, now)
    expect(await takeWebAuthnChallenge(challenge, now)).toBe(true)
    expect(await takeWebAuthnChallenge(challenge, now)).toBe(false)
  })

  it('are refused after five minutes, and only count for their purpose and kind', async () => {
    const user = await createTestUser('client')
    const now = new Date('2026-01-01T10:00:00Z')
    const challenge = { userId: user.id, purpose: 'register' as const, kind: 'passkey' as const, challenge: 'xyz' }
    await storeWebAuthnChallenge(challenge, now)
    expect(await takeWebAuthnChallenge({ ...challenge, kind: 'security_key' }, now)).toBe(false)
    expect(await takeWebAuthnChallenge({ ...challenge, purpose: 'authenticate' }, now)).toBe(false)
    expect(await takeWebAuthnChallenge(challenge, new Date('2026-01-01T10:05:01Z'))).toBe(false)
  })

  it('make a replayed sign-in answer fail', async () => {
    const { user, authenticator } = await userWithSecurityKey()
    authenticator.state.counter = 1
    const answer = authenticator.authenticate(await authenticationOptionsFor(user.id, 'security_key'))
    expect(await verifyAuthentication(user.id, 'security_key', answer)).toBe(true)
    expect(await verifyAuthentication(user.id, 'security_key', answer)).toBe(false)
  })

  it('make a replayed registration fail', async () => {
    const user = await createTestUser('client')
    const authenticator = softAuthenticator(getEnv().WEBAUTHN_RP_ID, getEnv().WEBAUTHN_ORIGIN)
    const response = authenticator.register(await registrationOptionsFor(user, 'passkey'))
    await registerCredential(user, 'passkey', { response }, origin)
    const again = await registerCredential(user, 'passkey', { response }, origin)
    expect(again.ok).toBe(false)
  })
})

describe('WebAuthn as a second factor', () => {
  it('is offered once a credential is added, for its own kind only, and names an unnamed one by date', async () => {
    const user = await createTestUser('client')
    expect(await passkeyMethod.isEnabledFor(user.id)).toBe(false)
    const authenticator = softAuthenticator(getEnv().WEBAUTHN_RP_ID, getEnv().WEBAUTHN_ORIGIN)
    const added = await registerCredential(
      user,
      'passkey',
      { response: authenticator.register(await registrationOptionsFor(user, 'passkey')) },
      origin,
    )
    expect(added.ok && added.name).toMatch(/^Passkey added /)
    expect(await passkeyMethod.isEnabledFor(user.id)).toBe(true)
    expect(await securityKeyMethod.isEnabledFor(user.id)).toBe(false)
    expect((await availableMethodsOf(user.id)).map((m) => m.method)).toEqual(['passkey'])
    const options = (await prepareSecondFactor(user.id, 'passkey')) as { allowCredentials: { id: string }[] }
    expect(options.allowCredentials.map((c) => c.id)).toEqual([authenticator.id])
    expect(await countSecurityEvents('second_factor_added', { userId: user.id }, new Date(0))).toBe(1)
  })

  it('refuses bad JSON, another user’s credential and the wrong kind', async () => {
    const { user, authenticator } = await userWithSecurityKey()
    const someoneElse = await createTestUser('client')
    expect(
      await securityKeyMethod.verify(user.id, { code: '', response: '{not json' }, new Date(), '', {
        ip: null,
        userAgent: null,
        deviceId: null,
      }),
    ).toBe(false)
    expect(
      await securityKeyMethod.verify(user.id, { code: '', response: '' }, new Date(), '', {
        ip: null,
        userAgent: null,
        deviceId: null,
      }),
    ).toBe(false)
    authenticator.state.counter = 1
    const answer = authenticator.authenticate(await authenticationOptionsFor(user.id, 'security_key'))
    expect(await verifyAuthentication(someoneElse.id, 'security_key', answer)).toBe(false)
    expect(await verifyAuthentication(user.id, 'passkey', answer)).toBe(false)
    expect(await verifyAuthentication(user.id, 'security_key', answer)).toBe(true)
  })

  it('removes only the owner’s credential and logs it', async () => {
    const { user, authenticator } = await userWithSecurityKey()
    const someoneElse = await createTestUser('client')
    expect(await removeCredential(someoneElse.id, 'security_key', authenticator.id, origin)).toBe(false)
    expect(await removeCredential(user.id, 'passkey', authenticator.id, origin)).toBe(false)
    expect(await removeCredential(user.id, 'security_key', authenticator.id, origin)).toBe(true)
    expect(await listCredentialsOf(user.id, 'security_key')).toEqual([])
    expect(await countSecurityEvents('second_factor_removed', { userId: user.id }, new Date(0))).toBe(1)
  })
})
