import { desc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import { outbox } from '~/models/schema'
import { createTestUser } from '~/test/users'
import { availableMethodsOf, sendSecondFactorCode, verifySecondFactor } from './second-factor.server'
import { confirmPhone, phoneStateOf, removePhone, sendPhoneVerificationCode, smsMethod } from './sms-codes.server'
import { securityEventKindsOf } from '~/test/security-events'

const origin = { ip: '203.0.113.9', userAgent: 'vitest', deviceId: null }

function lastCodeTo(phone: string): string {
  const row = getDb().select().from(outbox).where(eq(outbox.to, phone)).orderBy(desc(outbox.createdAt)).get()
  const code = row?.text?.match(/\b(\d{6})\b/)?.[1]
  if (!code) throw new Error(`no code texted to ${phone}`)
  return code
}

describe('codes by text message', () => {
  it('verifies a phone with a texted code, then signs in with texted codes', async () => {
    const user = await createTestUser('client')
    const phone = '+447911120042'
    expect(await sendPhoneVerificationCode(user.id, phone, origin)).toEqual({ ok: true })
    expect(await phoneStateOf(user.id)).toEqual({ state: 'pending', phone: '+44 7911 120042' })
    expect(await smsMethod.isEnabledFor(user.id)).toBe(false)
    const code = lastCodeTo(phone)
    expect(await confirmPhone(user.id, code === '000000' ? '111111' : '000000', origin)).toBe(false)
    expect(await confirmPhone(user.id, code, origin)).toBe(true)
    expect((await phoneStateOf(user.id)).state).toBe('on')

    const methods = await availableMethodsOf(user.id)
    expect(methods.map((m) => m.method)).toEqual(['sms'])
    expect(methods[0]).toMatchObject({ label: 'Code by text message', hint: 'to +44 •••• 0042', sendsCode: true })
    expect(await sendSecondFactorCode(user.id, 'sms', origin, 'sign-in-1')).toBe(true)
    const signInCode = lastCodeTo(phone)
    expect(
      await verifySecondFactor(user.id, 'sms', { code: signInCode, response: '' }, origin, 'sign-in-2'),
    ).toMatchObject({ ok: false })
    expect(
      await verifySecondFactor(user.id, 'sms', { code: signInCode, response: '' }, origin, 'sign-in-1'),
    ).toMatchObject({ ok: true })
    expect(
      await verifySecondFactor(user.id, 'sms', { code: signInCode, response: '' }, origin, 'sign-in-1'),
    ).toMatchObject({ ok: false })
  })

  it('keeps one number per account until it is removed, and logs the removal', async () => {
    const user = await createTestUser('client')
    await sendPhoneVerificationCode(user.id, '+447911120042', origin)
    await confirmPhone(user.id, lastCodeTo('+447911120042'), origin)
    expect(await sendPhoneVerificationCode(user.id, '+12015550123', origin)).toMatchObject({ ok: false })
    expect(await removePhone(user.id, origin)).toBe(true)
    expect(await phoneStateOf(user.id)).toEqual({ state: 'off' })
    const kinds = securityEventKindsOf(user.id)
    expect(kinds).toEqual(expect.arrayContaining(['second_factor_added', 'second_factor_removed']))
  })

  it('a code sent to an earlier number does not verify a newer one', async () => {
    const user = await createTestUser('client')
    await sendPhoneVerificationCode(user.id, '+447911120042', origin)
    const first = lastCodeTo('+447911120042')
    await sendPhoneVerificationCode(user.id, '+12015550123', origin)
    expect(await confirmPhone(user.id, first, origin)).toBe(false)
    expect(await confirmPhone(user.id, lastCodeTo('+12015550123'), origin)).toBe(true)
    expect(await phoneStateOf(user.id)).toMatchObject({ state: 'on', phone: '+1 201 555 0123' })
  })
})
