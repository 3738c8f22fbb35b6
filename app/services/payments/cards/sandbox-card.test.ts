import { describe, expect, it } from 'vitest'
import { chargeSandboxCard, checkExpiry, passesLuhn } from './sandbox-card'

const NOW = new Date('2026-11-23T12:00:00Z')
const card = (number: string, expiry = '12/30', cvc = '123') => chargeSandboxCard({ number, expiry, cvc }, NOW)

describe('sandbox card processor', () => {
  it('accepts Stripe’s success test card, spaces and all', () => {
    expect(card('4242 4242 4242 4242')).toEqual({ ok: true, last4: '4242' })
  })

  it('declines Stripe’s decline test cards with their reasons', () => {
    expect(card('4000 0000 0000 0002')).toEqual({ ok: false, field: 'number', message: 'Your card was declined.' })
    expect(card('4000000000009995')).toMatchObject({ ok: false, message: 'Your card has insufficient funds.' })
  })

  it('refuses mistyped numbers, past expiry dates and short security codes', () => {
    expect(card('4242 4242 4242 4241')).toMatchObject({
      ok: false,
      field: 'number',
      message: 'Your card number is incorrect.',
    })
    expect(card('4242424242424242', '10/26')).toMatchObject({ ok: false, field: 'expiry' })
    expect(card('4242424242424242', '12/30', '12')).toMatchObject({ ok: false, field: 'cvc' })
    expect(card('378282246310005', '12/30', '123')).toMatchObject({ ok: false, field: 'cvc' })
  })

  it('takes only test cards, never a real-looking number', () => {
    expect(passesLuhn('4111111111111111')).toBe(true)
    expect(card('4111111111111111')).toMatchObject({ ok: false, message: expect.stringContaining('test cards') })
  })

  it('reads MM/YY and MM/YYYY expiry dates', () => {
    expect(checkExpiry('11/26', NOW)).toBeNull()
    expect(checkExpiry('11 / 2026', NOW)).toBeNull()
    expect(checkExpiry('13/27', NOW)).toMatch(/month/)
    expect(checkExpiry('tomorrow', NOW)).toMatch(/MM\/YY/)
  })
})
