import { describe, expect, it } from 'vitest'
import { amountProblem, ConvertSchema } from './convert-schemas'

describe('convert form', () => {
  it('accepts an amount with the currency’s digits and normalises codes', () => {
    const parsed = ConvertSchema.safeParse({ amount: '100', from: 'usd', to: 'matic' })
    expect(parsed.success && parsed.data).toEqual({ amount: '100', from: 'USD', to: 'POL' })
    expect(amountProblem('0.00000001', 'BTC')).toBeNull()
    expect(amountProblem('1,250.75', 'USD')).toBeNull()
  })

  it('explains a bad amount, quoting what was typed', () => {
    expect(amountProblem('12abc', 'USD')).toBe(
      '“12abc” is not an amount: use digits and at most one decimal point, e.g. 100 or 99.95',
    )
    expect(amountProblem('-5', 'USD')).toMatch(/“-5” is not an amount/)
    expect(amountProblem('1.234', 'USD')).toBe('USD has 2 decimal places: “1.234” has 3')
    expect(amountProblem('1.5', 'JPY')).toBe('JPY has no decimal places: enter a whole amount')
    const parsed = ConvertSchema.safeParse({ amount: '', from: 'USD', to: 'EUR' })
    expect(parsed.success).toBe(false)
  })

  it('refuses unknown currencies', () => {
    const parsed = ConvertSchema.safeParse({ amount: '1', from: 'XYZ', to: 'EUR' })
    expect(parsed.error?.issues[0]?.message).toBe('Choose the currency you have from the list')
  })
})
