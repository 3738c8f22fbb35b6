import { describe, expect, it } from 'vitest'
import { amountProblemMessage, MAX_AMOUNT_MAJOR, readAmount } from '~/utils/money'
import { AmountTooLarge } from './domain-errors'
import { amountForMinutes, MAX_WEEKLY_LIMIT_HOURS } from './marketplace/hourly'
import { splitPlatformFee } from './payments/ledger/fees'
import { splitInclusiveTax } from './payments/tax/fee-tax'

describe('money past the exact integers', () => {
  it('a week whose amount passes Number.MAX_SAFE_INTEGER minor units is refused as too large, not rounded', () => {
    expect(() => amountForMinutes(MAX_WEEKLY_LIMIT_HOURS * 60, Number.MAX_SAFE_INTEGER)).toThrow(AmountTooLarge)
  })

  it('a platform fee or its tax on more than Number.MAX_SAFE_INTEGER minor units is refused as too large', () => {
    expect(() => splitPlatformFee(Number.MAX_SAFE_INTEGER + 1)).toThrow(AmountTooLarge)
    expect(() => splitInclusiveTax(Number.MAX_SAFE_INTEGER + 1, 200_000)).toThrow(AmountTooLarge)
  })

  it('a fee on the largest amount a form takes is exact (gross times basis points passes 2^53)', () => {
    const gross = MAX_AMOUNT_MAJOR * 1000 + 999 // three decimals, e.g. KWD
    const split = splitPlatformFee(gross)
    expect(split.feeMinor).toBe(Number((BigInt(gross) * 1000n + 5000n) / 10000n))
    expect(split.feeMinor + split.netMinor).toBe(gross)
  })

  it('the largest hourly rate over the largest week stays exact', () => {
    expect(amountForMinutes(MAX_WEEKLY_LIMIT_HOURS * 60, 1_000_000_000_000)).toBe(80_000_000_000_000)
  })
})

describe('typed amounts past the limit', () => {
  it('says the amount is too large and names the limit, for 13 or 17 digits alike', () => {
    for (const typed of ['1000000000000', '12345678901234567', '1,000,000,000,000.00']) {
      const reading = readAmount(typed, 2)
      expect(reading).toEqual({ ok: false, problem: 'too-large' })
    }
    expect(amountProblemMessage('too-large', 'USD', 'Enter an amount like 250')).toBe(
      'That amount is too large: enter at most 999,999,999,999 USD',
    )
    expect(readAmount('999,999,999,999.99', 2)).toEqual({ ok: true, minor: 99_999_999_999_999 })
  })
})
