import { eq } from 'drizzle-orm'
import { generateSync } from 'otplib'
import { describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import { listPayoutMethodsOf, listPayoutsOf } from '~/models/payouts.server'
import { totpFactors } from '~/models/schema'
import {
  action as authenticatorAction,
  loader as authenticatorLoader,
} from '~/routes/_portal.settings.security.authenticator'
import { action as signInAction } from '~/routes/_auth.sign-in'
import { action as backupCodesAction } from '~/routes/_portal.settings.security.backup-codes'
import { action as confirmPasswordAction } from '~/routes/_portal.settings.security.confirm-password'
import { action as emailCodesAction } from '~/routes/_portal.settings.security.email-codes'
import { action as phoneAction } from '~/routes/_portal.settings.security.phone'
import * as securityKeysRoute from '~/routes/_portal.settings.security.security-keys'
import { action as stepUpAction, loader as stepUpLoader } from '~/routes/_portal.settings.security.verify'
import { action as methodsAction } from '~/routes/_portal.payouts.methods'
import { action as payoutsAction } from '~/routes/_portal.payouts._index'
import { action as adminPayoutsAction } from '~/routes/_portal.admin.payouts'
import { readSession } from '~/services/accounts/sessions.server'
import { SECURITY_HOLD_REASON } from '~/services/payments/payouts/payout-transitions'
import { verifySecondFactor } from '~/services/security/second-factor.server'
import { totpMethod } from '~/services/security/totp.server'
import { getEnv } from '~/utils/env.server'
import { formRequest, getRequest, run } from './requests'
import { softAuthenticator } from './soft-authenticator'
import { confirmPasswordNow, createTestUser, passStepUpNow, signedInCookie, TEST_PASSWORD } from './users'
import { topUpWallet } from './wallet'

const APP = '/settings/security/authenticator'
const KEYS = '/settings/security/security-keys'
const DAY = 24 * 60 * 60_000
const origin = { ip: '203.0.113.7', userAgent: 'vitest', deviceId: null }

const checkAt = (path: string, back: string) => `${path}?${new URLSearchParams({ redirectTo: back })}`
const passwordCheck = (back: string) => checkAt('/settings/security/confirm-password', back)
const stepUp = (back: string) => checkAt('/settings/security/verify', back)

async function signedIn(role: 'freelancer' | 'client' = 'freelancer') {
  const user = await createTestUser(role)
  return { user, cookie: await signedInCookie(user.id) }
}

/** Turns the authenticator app on through its page (the session must be allowed to); returns the secret. */
async function turnOnAuthenticator(cookie: string): Promise<string> {
  expect((await run(authenticatorAction, formRequest(APP, { intent: 'start' }, cookie))).headers.get('location')).toBe(
    APP,
  )
  const secret = (await (await run(authenticatorLoader, getRequest(APP, cookie))).json()).groupedSecret.replaceAll(
    ' ',
    '',
  )
  expect(
    (await run(authenticatorAction, formRequest(APP, { intent: 'confirm', code: generateSync({ secret }) }, cookie)))
      .status,
  ).toBe(302)
  return secret
}

/** As if the factor had been added `days` ago. */
function ageAuthenticator(userId: string, days: number) {
  getDb()
    .update(totpFactors)
    .set({ confirmedAt: new Date(Date.now() - days * DAY) })
    .where(eq(totpFactors.userId, userId))
    .run()
}

const nextCode = (secret: string) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + 30 })

describe('adding the first second factor', () => {
  it('asks an account with none to re-enter its password first, for every kind of factor', async () => {
    const { user, cookie } = await signedIn()
    const start = await run(authenticatorAction, formRequest(APP, { intent: 'start' }, cookie))
    expect(start.headers.get('location')).toBe(passwordCheck(APP))
    const phone = await run(
      phoneAction,
      formRequest('/settings/security/phone', { intent: 'send', country: 'GB', phone: '07911 123456' }, cookie),
    )
    expect(phone.headers.get('location')).toBe(passwordCheck('/settings/security/phone'))
    const email = await run(emailCodesAction, formRequest('/settings/security/email-codes', { intent: 'send' }, cookie))
    expect(email.headers.get('location')).toBe(passwordCheck('/settings/security/email-codes'))
    const codes = await run(
      backupCodesAction,
      formRequest('/settings/security/backup-codes', { intent: 'generate' }, cookie),
    )
    expect(codes.headers.get('location')).toBe(passwordCheck('/settings/security/backup-codes'))
    // The key page offers the check instead of starting a ceremony; a posted answer is refused the same way.
    const keys = await (await run(securityKeysRoute.loader, getRequest(KEYS, cookie))).json()
    expect(keys).toMatchObject({ registrationOptions: null, checkHref: passwordCheck(KEYS) })
    const key = await run(
      securityKeysRoute.action,
      formRequest(KEYS, { intent: 'add', name: 'Blue key', response: '{"id":"x"}' }, cookie),
    )
    expect(key.headers.get('location')).toBe(passwordCheck(KEYS))
    expect(await totpMethod.isEnabledFor(user.id)).toBe(false)

    const confirm = (password: string) =>
      run(confirmPasswordAction, formRequest(passwordCheck(APP), { password }, cookie))
    const wrong = await confirm('not my password')
    expect(wrong.status).toBe(400)
    const body = await wrong.json()
    expect(body.error.password).toEqual(['That password is not right'])
    expect(body.initialValue?.password).toBeUndefined()
    const right = await confirm(TEST_PASSWORD)
    expect(right.headers.get('location')).toBe(APP)

    await turnOnAuthenticator(cookie)
    expect(await totpMethod.isEnabledFor(user.id)).toBe(true)
  })

  it('slows password guessing on the confirm page like sign-in: the sixth try in a row gets 429', async () => {
    const { cookie } = await signedIn()
    const confirm = (password: string) =>
      run(confirmPasswordAction, formRequest(passwordCheck(APP), { password }, cookie))
    for (let i = 0; i < 5; i++) expect((await confirm('wrong password 1')).status).toBe(400)
    const sixth = await confirm(TEST_PASSWORD)
    expect(sixth.status).toBe(429)
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await readSession(getRequest('/', cookie)))?.passwordConfirmedAt).toBeNull()
  })

  it('counts the session’s own wrong passwords: a stranger at sign-in does not make the owner wait', async () => {
    const { user, cookie } = await signedIn()
    // A stranger types wrong passwords for the owner's address on the sign-in page until it holds them.
    let stranger: Response | undefined
    for (let i = 0; i < 10 && stranger?.status !== 429; i++)
      stranger = await run(signInAction, formRequest('/sign-in', { email: user.email, password: `guess ${i}` }))
    expect(stranger?.status).toBe(429)
    const confirm = (password: string) =>
      run(confirmPasswordAction, formRequest(passwordCheck(APP), { password }, cookie))
    // The owner, signed in, re-enters the password: a typo is answered, the right one confirms.
    expect((await confirm('not my password')).status).toBe(400)
    expect((await confirm(TEST_PASSWORD)).headers.get('location')).toBe(APP)
    // The session's own guesses still back off; another session of the account is not held up by them.
    for (let i = 0; i < 5; i++) expect((await confirm(`guess ${i}`)).status).toBe(400)
    expect((await confirm(TEST_PASSWORD)).status).toBe(429)
    const otherCookie = await signedInCookie(user.id)
    expect(
      (await run(confirmPasswordAction, formRequest(passwordCheck(APP), { password: TEST_PASSWORD }, otherCookie)))
        .status,
    ).toBe(302)
  })
})

describe('adding a factor to an account that has one', () => {
  it('needs a step-up with the factor it had; the password is not enough', async () => {
    const { cookie } = await signedIn()
    await confirmPasswordNow(cookie)
    await turnOnAuthenticator(cookie)

    const phone = await run(
      phoneAction,
      formRequest('/settings/security/phone', { intent: 'send', country: 'GB', phone: '07911 123456' }, cookie),
    )
    expect(phone.headers.get('location')).toBe(stepUp('/settings/security/phone'))
    const codes = await run(
      backupCodesAction,
      formRequest('/settings/security/backup-codes', { intent: 'generate' }, cookie),
    )
    expect(codes.headers.get('location')).toBe(stepUp('/settings/security/backup-codes'))
    const email = await run(emailCodesAction, formRequest('/settings/security/email-codes', { intent: 'send' }, cookie))
    expect(email.headers.get('location')).toBe(stepUp('/settings/security/email-codes'))
    expect((await (await run(securityKeysRoute.loader, getRequest(KEYS, cookie))).json()).checkHref).toBe(stepUp(KEYS))
    const key = await run(
      securityKeysRoute.action,
      formRequest(KEYS, { intent: 'add', name: 'Blue key', response: '{"id":"x"}' }, cookie),
    )
    expect(key.headers.get('location')).toBe(stepUp(KEYS))

    await passStepUpNow(cookie)
    expect(
      (await run(backupCodesAction, formRequest('/settings/security/backup-codes', { intent: 'generate' }, cookie)))
        .status,
    ).toBe(200)
    const authenticator = softAuthenticator(getEnv().WEBAUTHN_RP_ID, getEnv().WEBAUTHN_ORIGIN)
    const page = await (await run(securityKeysRoute.loader, getRequest(KEYS, cookie))).json()
    const response = authenticator.register(page.registrationOptions)
    expect(
      (await run(securityKeysRoute.action, formRequest(KEYS, { intent: 'add', name: 'Blue key', response }, cookie)))
        .status,
    ).toBe(302)
  })
})

describe('backup codes', () => {
  it('say earlier codes stop working only when there were earlier codes', async () => {
    const { cookie } = await signedIn()
    const generate = async () =>
      (
        await run(backupCodesAction, formRequest('/settings/security/backup-codes', { intent: 'generate' }, cookie))
      ).json()
    await confirmPasswordNow(cookie)
    const first = await generate()
    expect(first.codes).toHaveLength(10)
    expect(first.replaced).toBe(false)
    await passStepUpNow(cookie)
    const second = await generate()
    expect(second.replaced).toBe(true)
    expect(second.codes).not.toEqual(first.codes)
  })
})

describe('the step-up that allowed a new factor', () => {
  it('cannot be passed with that new factor: the page offers only factors older than a day (or an emailed code)', async () => {
    const { user, cookie } = await signedIn()
    await confirmPasswordNow(cookie)
    const secret = await turnOnAuthenticator(cookie)

    const page = await (await run(stepUpLoader, getRequest(stepUp(APP), cookie))).json()
    expect(page.methods.map((m: { method: string }) => m.method)).toEqual(['email'])
    // The page says why the app just set up is not offered, rather than leaving the person to wonder.
    expect(page.notYetTrusted).toEqual(['authenticator app'])
    const withNewApp = await run(
      stepUpAction,
      formRequest(stepUp(APP), { method: 'totp', intent: 'verify', code: nextCode(secret) }, cookie),
    )
    expect(withNewApp.status).toBe(400)
    expect((await readSession(getRequest('/', cookie)))?.secondFactorAt).toBeNull()

    // Signing in with it works, but that sign-in is not a step-up either.
    const signIn = await verifySecondFactor(
      user.id,
      'totp',
      { code: nextCode(secret), response: '' },
      origin,
      'pending-1',
      'sign-in',
    )
    expect(signIn).toEqual({ ok: true, method: 'totp', established: false })
  })

  it('counts the factor once it is a day old', async () => {
    const { user, cookie } = await signedIn()
    await confirmPasswordNow(cookie)
    const secret = await turnOnAuthenticator(cookie)
    ageAuthenticator(user.id, 2)
    const later = await (await run(stepUpLoader, getRequest(stepUp(APP), cookie))).json()
    expect(later.methods.map((m: { method: string }) => m.method)).toEqual(['totp'])
    expect(later.notYetTrusted).toEqual([])
    const passed = await run(
      stepUpAction,
      formRequest(stepUp(APP), { method: 'totp', intent: 'verify', code: nextCode(secret) }, cookie),
    )
    expect(passed.headers.get('location')).toBe(APP)
    expect((await readSession(getRequest('/', cookie)))?.secondFactorAt).not.toBeNull()
  })

  it('refuses a new security key for a step-up while an older one still works', async () => {
    const { user, cookie } = await signedIn()
    await confirmPasswordNow(cookie)
    const addKey = async (name: string) => {
      const key = softAuthenticator(getEnv().WEBAUTHN_RP_ID, getEnv().WEBAUTHN_ORIGIN)
      const { registrationOptions } = await (await run(securityKeysRoute.loader, getRequest(KEYS, cookie))).json()
      const form = { intent: 'add', name, response: key.register(registrationOptions) }
      expect((await run(securityKeysRoute.action, formRequest(KEYS, form, cookie))).status).toBe(302)
      return key
    }
    const older = await addKey('Old key')
    getDb().run(`update webauthn_credentials set created_at = ${Date.now() - 2 * DAY} where user_id = '${user.id}'`)
    await passStepUpNow(cookie)
    const newer = await addKey('New key')

    const fresh = await signedInCookie(user.id)
    const answerWith = async (authenticator: typeof newer) => {
      const step = await (await run(stepUpLoader, getRequest(`${stepUp(KEYS)}&method=security_key`, fresh))).json()
      const response = authenticator.authenticate(step.prepared)
      return run(stepUpAction, formRequest(stepUp(KEYS), { method: 'security_key', intent: 'verify', response }, fresh))
    }
    const refused = await answerWith(newer)
    expect(refused.status).toBe(400)
    expect((await refused.json()).error[''][0]).toMatch(/added less than a day ago/)
    expect((await answerWith(older)).headers.get('location')).toBe(KEYS)
  })
})

describe('payouts after a second-factor change', () => {
  async function freelancerWithWallet() {
    const { user, cookie } = await signedIn()
    await topUpWallet(user.id, 50_000)
    return { user, cookie }
  }
  const addWallet = (cookie: string) =>
    run(
      methodsAction,
      formRequest(
        '/payouts/methods',
        {
          intent: 'add-crypto',
          asset: 'USDC',
          network: 'ethereum',
          address: '0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045',
        },
        cookie,
      ),
    )
  const payOut = (cookie: string, methodId: string, key: string) =>
    run(
      payoutsAction,
      formRequest(
        '/payouts',
        { intent: 'confirm', methodId, currency: 'USD', amount: '100', speed: 'instant', idempotencyKey: key },
        cookie,
      ),
    )

  it('holds a payout to a method added within a day after a factor was added, with the reason shown; an admin can release it', async () => {
    const { user, cookie } = await freelancerWithWallet()
    await confirmPasswordNow(cookie)
    await turnOnAuthenticator(cookie)
    await passStepUpNow(cookie)
    expect((await addWallet(cookie)).status).toBe(302)
    const [method] = await listPayoutMethodsOf(user.id)
    const requested = await payOut(cookie, method!.id, 'held-key-0001')
    expect(requested.status).toBe(302)
    const [payout] = await listPayoutsOf(user.id)
    expect(payout).toMatchObject({ status: 'held', statusReason: SECURITY_HOLD_REASON, sentAt: null })

    const admin = await createTestUser('admin')
    const release = await run(
      adminPayoutsAction,
      formRequest(
        '/admin/payouts',
        { intent: 'release', payoutId: payout!.id, reason: 'Checked with the freelancer' },
        await signedInCookie(admin.id, { secondFactorAt: new Date() }),
      ),
    )
    expect(release.status).toBe(302)
    expect((await listPayoutsOf(user.id))[0]?.status).toBe('sent')
  })

  it('does not hold a payout to a method added with no factor change in the day before', async () => {
    const { user, cookie } = await freelancerWithWallet()
    await passStepUpNow(cookie)
    expect((await addWallet(cookie)).status).toBe(302)
    const [method] = await listPayoutMethodsOf(user.id)
    await payOut(cookie, method!.id, 'plain-key-0001')
    expect((await listPayoutsOf(user.id))[0]?.status).toBe('sent')
  })
})
