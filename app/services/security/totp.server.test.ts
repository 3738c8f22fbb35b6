import { generateSync } from 'otplib'
import { describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import { totpFactors } from '~/models/schema'
import { createTestUser } from '~/test/users'
import { eq } from 'drizzle-orm'
import { confirmTotpSetup, startTotpSetup, totpMethod, totpStateOf, turnTotpOff, verifyTotpCode } from './totp.server'
import { securityEventKindsOf } from '~/test/security-events'

const origin = { ip: '203.0.113.7', userAgent: 'vitest', deviceId: null }
const T0 = new Date('2026-11-23T12:00:00.000Z') // the start of a 30-second step
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000)
const codeAt = (secret: string, date: Date) => generateSync({ secret, epoch: Math.floor(date.getTime() / 1000) })

async function userWithTotp() {
  const user = await createTestUser('freelancer')
  expect(await startTotpSetup(user.id, at(-120))).toBe(true)
  const state = await totpStateOf(user)
  if (state.state !== 'pending') throw new Error('no set-up')
  expect(await confirmTotpSetup(user.id, codeAt(state.secret, at(-90)), origin, at(-90))).toBe(true)
  return { user, secret: state.secret }
}

describe('authenticator app set-up', () => {
  it('shows a QR code and the secret, keeps the secret sealed, and turns on with a right code', async () => {
    const user = await createTestUser('client')
    expect(await totpStateOf(user)).toEqual({ state: 'off' })
    await startTotpSetup(user.id, T0)
    const state = await totpStateOf(user)
    if (state.state !== 'pending') throw new Error('no set-up')
    expect(state.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/)
    expect(state.groupedSecret.replaceAll(' ', '')).toBe(state.secret)
    const row = getDb().select().from(totpFactors).where(eq(totpFactors.userId, user.id)).get()
    expect(row?.secretSealed).not.toContain(state.secret)
    expect(await totpMethod.isEnabledFor(user.id)).toBe(false)

    const right = codeAt(state.secret, T0)
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0')
    expect(await confirmTotpSetup(user.id, wrong, origin, T0)).toBe(false)
    expect(await confirmTotpSetup(user.id, right, origin, T0)).toBe(true)
    expect((await totpStateOf(user)).state).toBe('on')
    expect(await totpMethod.isEnabledFor(user.id)).toBe(true)
    const kinds = securityEventKindsOf(user.id)
    expect(kinds).toContain('second_factor_added')
  })

  it('replaces an unfinished set-up but not an app that is on', async () => {
    const user = await createTestUser('client')
    await startTotpSetup(user.id, T0)
    const first = await totpStateOf(user)
    expect(await startTotpSetup(user.id, T0)).toBe(true)
    const second = await totpStateOf(user)
    if (first.state !== 'pending' || second.state !== 'pending') throw new Error('no set-up')
    expect(second.secret).not.toBe(first.secret)
    expect(await confirmTotpSetup(user.id, codeAt(second.secret, T0), origin, T0)).toBe(true)
    expect(await startTotpSetup(user.id, T0)).toBe(false)
    expect((await totpStateOf(user)).state).toBe('on')
  })
})

describe('authenticator codes', () => {
  it('refuses a replayed code, and a code from an earlier step than the last one accepted', async () => {
    const { user, secret } = await userWithTotp()
    const now = at(5)
    expect(await verifyTotpCode(user.id, codeAt(secret, now), now)).toBe(true)
    expect(await verifyTotpCode(user.id, codeAt(secret, now), at(10))).toBe(false) // same code again
    expect(await verifyTotpCode(user.id, codeAt(secret, at(-25)), at(10))).toBe(false) // previous step, within tolerance
    expect(await verifyTotpCode(user.id, codeAt(secret, at(35)), at(35))).toBe(true) // the next step works
  })

  it('accepts the previous and next step (clock drift) but not two steps away', async () => {
    const { user, secret } = await userWithTotp()
    expect(await verifyTotpCode(user.id, codeAt(secret, at(-30)), at(0))).toBe(true)
    expect(await verifyTotpCode(user.id, codeAt(secret, at(60)), at(31))).toBe(true)
    expect(await verifyTotpCode(user.id, codeAt(secret, at(180)), at(100))).toBe(false)
    expect(await verifyTotpCode(user.id, 'abc', at(100))).toBe(false)
  })

  it('accepts one code once when two requests race with it', async () => {
    const { user, secret } = await userWithTotp()
    const code = codeAt(secret, at(0))
    const results = await Promise.all([verifyTotpCode(user.id, code, at(0)), verifyTotpCode(user.id, code, at(0))])
    expect(results.filter(Boolean)).toHaveLength(1)
  })

  it('turning the app off removes it and logs it', async () => {
    const { user, secret } = await userWithTotp()
    expect(await turnTotpOff(user.id, origin)).toBe(true)
    expect(await totpMethod.isEnabledFor(user.id)).toBe(false)
    expect(await verifyTotpCode(user.id, codeAt(secret, at(0)), at(0))).toBe(false)
    const kinds = securityEventKindsOf(user.id)
    expect(kinds).toContain('second_factor_removed')
  })
})
