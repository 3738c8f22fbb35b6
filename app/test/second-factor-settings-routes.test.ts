import { eq } from 'drizzle-orm'
import { generateSync } from 'otplib'
import { describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import { markSessionSecondFactor } from '~/models/sessions.server'
import { sessions } from '~/models/schema'
import {
  action as authenticatorAction,
  loader as authenticatorLoader,
} from '~/routes/_portal.settings.security.authenticator'
import { action as backupCodesAction } from '~/routes/_portal.settings.security.backup-codes'
import { action as phoneAction } from '~/routes/_portal.settings.security.phone'
import { totpMethod } from '~/services/security/totp.server'
import { formRequest, getRequest, run } from './requests'
import { confirmPasswordNow, createTestUser, signedInCookie } from './users'

/** Signed in, with the password just re-entered: an account without factors needs it to add one. */
async function signedIn() {
  const user = await createTestUser('freelancer')
  const cookie = await signedInCookie(user.id)
  await confirmPasswordNow(cookie)
  return { user, cookie }
}

function passSecondFactorNow(userId: string) {
  const row = getDb().select().from(sessions).where(eq(sessions.userId, userId)).get()
  if (!row) throw new Error('no session')
  return markSessionSecondFactor(row.id, new Date())
}

describe('authenticator app page', () => {
  it('sets up with a code; turning it off needs a recent second factor', async () => {
    const { user, cookie } = await signedIn()
    const path = '/settings/security/authenticator'
    expect((await run(authenticatorAction, formRequest(path, { intent: 'start' }, cookie))).status).toBe(302)
    const page = await (await run(authenticatorLoader, getRequest(path, cookie))).json()
    expect(page.state).toBe('pending')
    expect(page.qrSvg).toContain('<svg')
    const secret = page.groupedSecret.replaceAll(' ', '')

    const bad = await run(authenticatorAction, formRequest(path, { intent: 'confirm', code: '12' }, cookie))
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.code).toEqual(['Enter the 6 digits of the code'])
    const good = await run(
      authenticatorAction,
      formRequest(path, { intent: 'confirm', code: generateSync({ secret }) }, cookie),
    )
    expect(good.status).toBe(302)
    expect(await totpMethod.isEnabledFor(user.id)).toBe(true)

    const off = await run(authenticatorAction, formRequest(path, { intent: 'turn-off' }, cookie))
    expect(off.headers.get('location')).toBe(`/settings/security/verify?redirectTo=${encodeURIComponent(path)}`)
    expect(await totpMethod.isEnabledFor(user.id)).toBe(true)
    await passSecondFactorNow(user.id)
    expect(
      (await run(authenticatorAction, formRequest(path, { intent: 'turn-off' }, cookie))).headers.get('location'),
    ).toBe(path)
    expect(await totpMethod.isEnabledFor(user.id)).toBe(false)
  })
})

describe('phone page', () => {
  it('answers a bad number with 400 and the number typed', async () => {
    const { cookie } = await signedIn()
    const response = await run(
      phoneAction,
      formRequest('/settings/security/phone', { intent: 'send', country: 'GB', phone: '0791' }, cookie),
    )
    expect(response.status).toBe(400)
    const body = await response.json()
    expect(body.error.phone[0]).toMatch(/not a valid phone number/)
    expect(body.initialValue.phone).toBe('0791')
  })

  it('slows down a flood of texts with 429 and Retry-After', async () => {
    const { cookie } = await signedIn()
    const send = () =>
      run(
        phoneAction,
        formRequest('/settings/security/phone', { intent: 'send', country: 'GB', phone: '07911 123456' }, cookie),
      )
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await send()).status)
    expect(statuses.slice(0, 5)).toEqual([302, 302, 302, 302, 302])
    const throttled = await send()
    expect(throttled.status).toBe(429)
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0)
  })
})

describe('backup codes page', () => {
  it('returns the first set in the response; a new set needs a recent second factor', async () => {
    const { user, cookie } = await signedIn()
    const path = '/settings/security/backup-codes'
    const first = await run(backupCodesAction, formRequest(path, { intent: 'generate' }, cookie))
    expect(first.status).toBe(200)
    expect(first.headers.get('cache-control')).toBe('no-store')
    const { codes, download } = await first.json()
    expect(codes).toHaveLength(10)
    expect(decodeURIComponent(download)).toContain(codes[0])

    const again = await run(backupCodesAction, formRequest(path, { intent: 'generate' }, cookie))
    expect(again.status).toBe(302)
    expect(again.headers.get('location')).toMatch(/^\/settings\/security\/verify\?redirectTo=/)
    await passSecondFactorNow(user.id)
    expect((await run(backupCodesAction, formRequest(path, { intent: 'generate' }, cookie))).status).toBe(200)
  })
})
