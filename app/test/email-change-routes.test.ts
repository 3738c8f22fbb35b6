import { describe, expect, it } from 'vitest'
import { turnEmailFactorOn } from '~/models/email-factors.server'
import { listOutbox } from '~/models/outbox.server'
import { findUserById } from '~/models/users.server'
import { action as signInAction } from '~/routes/_auth.sign-in'
import { action as emailAction, loader as emailLoader } from '~/routes/_portal.settings.email'
import { loader as logLoader } from '~/routes/_portal.settings.security.log'
import { loader as settingsLoader } from '~/routes/_portal.settings._index'
import { completePasswordReset, requestPasswordReset } from '~/services/accounts/password-reset.server'
import { confirmEmailChange } from '~/services/accounts/email-change.server'
import { issueOneTimeCode } from '~/services/security/one-time-codes.server'
import { readSession } from '~/services/accounts/sessions.server'
import { MINUTE_MS } from '~/domain/durations'
import { formRequest, getRequest, run } from './requests'
import { securityEventsOfKind } from './security-events'
import { createTestUser, signedInCookie, TEST_PASSWORD } from './users'

const PATH = '/settings/email'
const ORIGIN = { ip: '203.0.113.7', userAgent: null, deviceId: null }

const newAddress = (label = 'new') => `${label}-${crypto.randomUUID()}@test.example`

async function mailTo(to: string) {
  const { rows } = await listOutbox({ to, page: 1, pageSize: 50 })
  return rows.filter((row) => row.to === to)
}

async function codeSentTo(to: string): Promise<string> {
  const [latest] = await mailTo(to)
  const code = latest?.text?.match(/Your confirmation code is: (\d{6})/)?.[1]
  if (!code) throw new Error(`No email change code to ${to}`)
  return code
}

const start = (cookie: string, newEmail: string, password = TEST_PASSWORD) =>
  run(emailAction, formRequest(PATH, { intent: 'start', newEmail, password }, cookie))
const confirm = (cookie: string, code: string) =>
  run(emailAction, formRequest(PATH, { intent: 'confirm', code }, cookie))
const signIn = (email: string) => run(signInAction, formRequest('/sign-in', { email, password: TEST_PASSWORD }))

async function signedInUser() {
  const user = await createTestUser('freelancer')
  return { user, cookie: await signedInCookie(user.id) }
}

describe('changing the email address', () => {
  it('moves the account once the code sent to the new address comes back, and tells the old address', async () => {
    const { user, cookie } = await signedInUser()
    const laptop = await signedInCookie(user.id)
    const newEmail = newAddress()

    expect((await (await run(emailLoader, getRequest(PATH, cookie))).json()).pending).toBeNull()
    const started = await start(cookie, newEmail.toUpperCase())
    expect(started.status).toBe(302)
    expect(started.headers.get('location')).toBe(PATH)
    const page = await (await run(emailLoader, getRequest(PATH, cookie))).json()
    expect(page).toMatchObject({ email: user.email, pending: newEmail })
    // Nothing changes before the code comes back.
    expect((await findUserById(user.id))?.email).toBe(user.email)

    const code = await codeSentTo(newEmail)
    const done = await confirm(cookie, code)
    expect(done.status).toBe(302)
    expect((await findUserById(user.id))?.email).toBe(newEmail)

    // The old address is told, the new one masked, with what to do if it was not its owner.
    const [alert] = await mailTo(user.email)
    expect(alert).toMatchObject({ kind: 'email_changed', subject: 'Your MegiLance email address was changed' })
    expect(alert?.text).toContain(`changed to n•••@test.example`)
    expect(alert?.text).not.toContain(newEmail)
    expect(alert?.text).toMatch(/If it was not you, someone knows your password/)
    // No generic alert goes to the new address: its owner just made the change.
    expect((await mailTo(newEmail)).map((row) => row.kind)).toEqual(['email_change_code'])

    // A high-severity event, on the security log page.
    const { events } = await securityEventsOfKind(user.id, 'email_changed')
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ severity: 'high', detail: 'From f•••@test.example to n•••@test.example' })
    const log = await (await run(logLoader, getRequest('/settings/security/log', cookie))).json()
    expect(JSON.stringify(log)).toContain('Email address changed')

    // The new address signs in; the old one no longer does.
    expect((await signIn(newEmail)).headers.get('location')).toBe('/freelancer')
    const old = await signIn(user.email)
    expect(old.status).toBe(400)
    expect((await old.json()).error['']).toEqual(['The email or password is not right.'])

    // Other sessions stay signed in (as the page says), now with the new address.
    expect((await readSession(getRequest('/', laptop)))?.user.email).toBe(newEmail)
    expect((await run(settingsLoader, getRequest('/settings', laptop))).status).toBe(200)

    // The code works once.
    expect((await confirm(cookie, code)).status).toBe(400)
  })

  it('refuses a wrong password and the address already in use by this account, sending nothing', async () => {
    const { user, cookie } = await signedInUser()
    const newEmail = newAddress()
    const wrong = await start(cookie, newEmail, 'not the password')
    expect(wrong.status).toBe(400)
    const body = await wrong.json()
    expect(body.error.password).toEqual(['That password is not right'])
    expect(body.initialValue.password).toBeUndefined()
    expect(body.initialValue.newEmail).toBe(newEmail)

    const same = await start(cookie, user.email.toUpperCase())
    expect(same.status).toBe(400)
    expect((await same.json()).error.newEmail).toEqual(['That is already your email address'])

    const invalid = await start(cookie, 'not an address')
    expect(invalid.status).toBe(400)
    expect(await mailTo(newEmail)).toEqual([])
    expect((await securityEventsOfKind(user.id, 'password_confirm_failed')).events).toHaveLength(1)
  })

  it('answers an address another account has exactly as a free one, tells that address, and never completes', async () => {
    const { user, cookie } = await signedInUser()
    const other = await createTestUser('client', { email: newAddress('taken') })
    const free = await signedInUser()

    const taken = await start(cookie, other.email)
    const freeAnswer = await start(free.cookie, newAddress())
    expect(taken.status).toBe(freeAnswer.status)
    expect(taken.headers.get('location')).toBe(freeAnswer.headers.get('location'))
    expect(await taken.text()).toBe(await freeAnswer.text())
    expect((await (await run(emailLoader, getRequest(PATH, cookie))).json()).pending).toBe(other.email)

    // The owner of the address learns someone tried; no code goes there.
    const [note] = await mailTo(other.email)
    expect(note).toMatchObject({ kind: 'email_change_taken' })
    expect(note?.text).not.toMatch(/\d{6}/)

    // Even the right code (were it somehow known) cannot take the address.
    const session = (await readSession(getRequest('/', cookie)))!
    const code = await issueOneTimeCode({
      userId: user.id,
      channel: 'email',
      purpose: 'change_email',
      destination: other.email,
      boundTo: session.sessionId,
    })
    expect((await confirm(cookie, code)).status).toBe(400)
    expect((await findUserById(user.id))?.email).toBe(user.email)
    expect((await findUserById(other.id))?.email).toBe(other.email)
  })

  it('takes a code only on the session that asked, for 10 minutes and 5 tries', async () => {
    const { user, cookie } = await signedInUser()
    const phone = await signedInCookie(user.id)
    const newEmail = newAddress()
    await start(cookie, newEmail)
    const code = await codeSentTo(newEmail)

    expect((await confirm(phone, code)).status).toBe(400)
    const session = (await readSession(getRequest('/', cookie)))!
    const later = new Date(Date.now() + 11 * MINUTE_MS)
    expect(await confirmEmailChange(session, code, ORIGIN, later)).toEqual({ ok: false })

    const wrongCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    for (let i = 0; i < 5; i++) {
      const wrong = await confirm(cookie, wrongCode)
      expect(wrong.status).toBe(400)
      expect((await wrong.json()).error.code).toEqual([
        'That code is not right, or it has expired. Check the latest email, or send a new code.',
      ])
    }
    expect((await confirm(cookie, code)).status).toBe(400)
    expect((await findUserById(user.id))?.email).toBe(user.email)

    // A new code works again.
    expect((await run(emailAction, formRequest(PATH, { intent: 'resend' }, cookie))).status).toBe(302)
    expect((await confirm(cookie, await codeSentTo(newEmail))).status).toBe(302)
    expect((await findUserById(user.id))?.email).toBe(newEmail)
  })

  it('limits codes sent: 429 with Retry-After past five, and at most three emails an hour to one address', async () => {
    const { cookie } = await signedInUser()
    const newEmail = newAddress()
    for (let i = 0; i < 4; i++) expect((await start(cookie, newEmail)).status).toBe(302)
    expect(await mailTo(newEmail)).toHaveLength(3)
    expect((await run(emailAction, formRequest(PATH, { intent: 'resend' }, cookie))).status).toBe(302)
    const throttled = await run(emailAction, formRequest(PATH, { intent: 'resend' }, cookie))
    expect(throttled.status).toBe(429)
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0)
    const startThrottled = await start(cookie, newAddress())
    expect(startThrottled.status).toBe(429)
    expect(await mailTo(newEmail)).toHaveLength(3)
  })

  it('can be called off', async () => {
    const { user, cookie } = await signedInUser()
    const newEmail = newAddress()
    await start(cookie, newEmail)
    const code = await codeSentTo(newEmail)
    expect((await run(emailAction, formRequest(PATH, { intent: 'cancel' }, cookie))).status).toBe(302)
    expect((await (await run(emailLoader, getRequest(PATH, cookie))).json()).pending).toBeNull()
    expect((await confirm(cookie, code)).status).toBe(400)
    expect((await findUserById(user.id))?.email).toBe(user.email)
  })

  it('voids a password reset code sent to the old address', async () => {
    const { user, cookie } = await signedInUser()
    await requestPasswordReset(user.email)
    const resetCode = (await mailTo(user.email))[0]?.text?.match(/reset code is: (\d{8})/)?.[1]
    expect(resetCode).toBeDefined()
    const newEmail = newAddress()
    await start(cookie, newEmail)
    await confirm(cookie, await codeSentTo(newEmail))
    const reset = await completePasswordReset({ email: newEmail, code: resetCode!, password: 'a new long passphrase' })
    expect(reset.ok).toBe(false)
  })

  it('asks an account with a second factor to confirm one first', async () => {
    const { user, cookie } = await signedInUser()
    expect((await run(emailLoader, getRequest(PATH, cookie))).status).toBe(200)
    await turnEmailFactorOn(user.id, new Date(Date.now() - 2 * 24 * 60 * MINUTE_MS))
    const page = await run(emailLoader, getRequest(PATH, cookie))
    expect(page.status).toBe(302)
    expect(page.headers.get('location')).toBe(`/settings/security/verify?redirectTo=${encodeURIComponent(PATH)}`)
    expect((await start(cookie, newAddress())).headers.get('location')).toMatch(/^\/settings\/security\/verify/)
    const stepped = await signedInCookie(user.id, { secondFactorAt: new Date() })
    expect((await run(emailLoader, getRequest(PATH, stepped))).status).toBe(200)
  })
})
