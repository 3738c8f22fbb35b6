import { describe, expect, it } from 'vitest'
import { addBusinessDays } from './business-days'
import { payoutFeeMinor, payoutMinimumMinor } from './payout-fees'
import { expectedArrival, quotePayout } from './payout-quotes'

const NOW = new Date('2026-12-04T10:00:00Z') // a Friday
const base = {
  rail: 'bank' as const,
  speed: 'standard' as const,
  amountMinor: 45_000,
  currency: 'USD',
  balanceMinor: 45_000,
  instantAvailable: true,
  now: NOW,
}

describe('payout fees and minimums', () => {
  it('publishes $10 to a bank and $20 to a crypto wallet', () => {
    expect(payoutMinimumMinor('bank', 'USD')).toBe(1_000)
    expect(payoutMinimumMinor('crypto', 'USD')).toBe(2_000)
  })

  it('turns the dollar figures into other wallet currencies at the exchange rate', () => {
    expect(payoutMinimumMinor('bank', 'JPY', '155.2')).toBe(1_552)
    expect(payoutMinimumMinor('crypto', 'EUR', '0.862')).toBe(1_724)
    expect(payoutFeeMinor('bank', 'instant', 2_000, 'EUR', '0.862')).toBe(86)
    expect(
      quotePayout({ ...base, currency: 'JPY', usdRate: '155.2', amountMinor: 1_000, balanceMinor: 50_000 }),
    ).toMatchObject({ ok: false, message: 'The minimum payout to a bank account is ¥1,552.' })
    expect(
      quotePayout({ ...base, currency: 'JPY', usdRate: '155.2', amountMinor: 155_200, balanceMinor: 200_000 }),
    ).toMatchObject({ ok: true, quote: { needsStepUp: true, largeMinor: 155_200 } })
  })

  it('charges nothing for standard and 1% (rounded half up, at least 1 unit) for instant', () => {
    expect(payoutFeeMinor('bank', 'standard', 45_000, 'USD')).toBe(0)
    expect(payoutFeeMinor('bank', 'instant', 45_000, 'USD')).toBe(450)
    expect(payoutFeeMinor('crypto', 'instant', 12_350, 'USD')).toBe(124)
    expect(payoutFeeMinor('bank', 'instant', 2_000, 'USD')).toBe(100)
  })

  it('quotes what arrives and when before anything is confirmed', () => {
    const quote = quotePayout({ ...base, speed: 'instant' })
    expect(quote).toMatchObject({
      ok: true,
      quote: {
        amountMinor: 45_000,
        feeMinor: 450,
        receiveMinor: 44_550,
        arrival: 'within 30 minutes',
        needsStepUp: false,
      },
    })
    const crypto = quotePayout({ ...base, rail: 'crypto' })
    expect(crypto).toMatchObject({ ok: true, quote: { feeMinor: 0, receiveMinor: 45_000, arrival: 'within 1 hour' } })
  })

  it('refuses below the minimum, above the balance, and instant where the bank cannot take it', () => {
    expect(quotePayout({ ...base, amountMinor: 999 })).toEqual({
      ok: false,
      field: 'amount',
      message: 'The minimum payout to a bank account is $10.',
    })
    expect(quotePayout({ ...base, rail: 'crypto', amountMinor: 1_999 })).toMatchObject({
      ok: false,
      message: 'The minimum payout to a crypto wallet is $20.',
    })
    expect(quotePayout({ ...base, amountMinor: 45_001 })).toMatchObject({
      ok: false,
      field: 'amount',
      message: expect.stringContaining('Your wallet holds $450'),
    })
    expect(quotePayout({ ...base, speed: 'instant', instantAvailable: false })).toMatchObject({
      ok: false,
      field: 'speed',
    })
  })

  it('asks for a second factor from $1,000', () => {
    expect(quotePayout({ ...base, amountMinor: 99_999, balanceMinor: 200_000 })).toMatchObject({
      ok: true,
      quote: { needsStepUp: false },
    })
    expect(quotePayout({ ...base, amountMinor: 100_000, balanceMinor: 200_000 })).toMatchObject({
      ok: true,
      quote: { needsStepUp: true },
    })
  })
})

describe('arrival times', () => {
  it('counts business days over a weekend for standard bank payouts', () => {
    expect(addBusinessDays(NOW, 1).toISOString()).toBe('2026-12-07T10:00:00.000Z')
    expect(expectedArrival('bank', 'standard', NOW).toISOString()).toBe('2026-12-11T10:00:00.000Z')
    expect(expectedArrival('bank', 'instant', NOW).getTime() - NOW.getTime()).toBe(30 * 60_000)
    expect(expectedArrival('crypto', 'standard', NOW).getTime() - NOW.getTime()).toBe(60 * 60_000)
  })
})
