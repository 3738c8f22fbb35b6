import { describe, expect, it } from 'vitest'
import { toStripeAmount } from './stripe-amount'

describe('amounts in Stripe’s minor units', () => {
  it('passes two-decimal and zero-decimal currencies through, lower-casing the code', () => {
    expect(toStripeAmount(50_000, 'USD')).toEqual({ ok: true, amount: 50_000, currency: 'usd' })
    expect(toStripeAmount(1_500, 'JPY')).toEqual({ ok: true, amount: 1_500, currency: 'jpy' })
  })

  it('counts ISK in hundredths as Stripe does, although ISO gives it no decimals', () => {
    expect(toStripeAmount(990, 'ISK')).toEqual({ ok: true, amount: 99_000, currency: 'isk' })
  })

  it('takes three-decimal currencies only in tens of the smallest unit', () => {
    expect(toStripeAmount(12_340, 'KWD')).toEqual({ ok: true, amount: 12_340, currency: 'kwd' })
    expect(toStripeAmount(12_345, 'KWD')).toMatchObject({ ok: false })
  })

  it('refuses zero, negative and fractional amounts', () => {
    expect(toStripeAmount(0, 'USD')).toMatchObject({ ok: false })
    expect(toStripeAmount(-5, 'USD')).toMatchObject({ ok: false })
    expect(toStripeAmount(1.5, 'USD')).toMatchObject({ ok: false })
  })
})
