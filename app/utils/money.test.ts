import { describe, expect, it } from 'vitest'
import { formatMoney } from './format'
import { decimalsLimitMessage, minorToAmountText, parseAmountToMinor, readAmount } from './money'

describe('amount parsing', () => {
  it('turns decimal text into integer minor units without floats', () => {
    expect(parseAmountToMinor('45', 2)).toBe(4500)
    expect(parseAmountToMinor('45.5', 2)).toBe(4550)
    expect(parseAmountToMinor('0.29', 2)).toBe(29)
    expect(parseAmountToMinor('1,250.75', 2)).toBe(125075)
    expect(parseAmountToMinor('1200', 0)).toBe(1200)
  })

  it('refuses negative, malformed or over-precise amounts', () => {
    expect(parseAmountToMinor('-5', 2)).toBeNull()
    expect(parseAmountToMinor('abc', 2)).toBeNull()
    expect(parseAmountToMinor('1.234', 2)).toBeNull()
    expect(parseAmountToMinor('12.5', 0)).toBeNull()
  })

  it('reads commas as thousands separators only in their place', () => {
    expect(parseAmountToMinor('10,000', 2)).toBe(1_000_000)
    expect(parseAmountToMinor(' 1,250.50 ', 2)).toBe(125_050)
    expect(parseAmountToMinor('1,000,000', 0)).toBe(1_000_000)
    expect(parseAmountToMinor('999', 2)).toBe(99_900)
    for (const misplaced of ['1,00', '10,00.50', ',100', '100,', '1,,000', '1000,000', '1,000.5,0', '1.000,50'])
      expect(readAmount(misplaced, 2), misplaced).toEqual({ ok: false, problem: 'format' })
  })

  it('says when an amount has more decimals than the currency', () => {
    expect(readAmount('0.001', 2)).toEqual({ ok: false, problem: 'decimals' })
    expect(readAmount('1,250.505', 2)).toEqual({ ok: false, problem: 'decimals' })
    expect(readAmount('12.5', 0)).toEqual({ ok: false, problem: 'decimals' })
    expect(readAmount('0.001', 3)).toEqual({ ok: true, minor: 1 })
    expect(readAmount('1234567890123', 2)).toEqual({ ok: false, problem: 'too-large' })
    expect(decimalsLimitMessage('USD', 2)).toBe('USD amounts have at most 2 decimals')
    expect(decimalsLimitMessage('JPY', 0)).toBe('JPY amounts have no decimals')
  })

  it('round-trips for the profile form', () => {
    expect(minorToAmountText(4550, 2)).toBe('45.50')
    expect(minorToAmountText(4500, 2)).toBe('45')
    expect(minorToAmountText(1200, 0)).toBe('1200')
  })

  it('formats with the currency’s own minor digits', () => {
    expect(formatMoney(4550, 'USD')).toBe('$45.50')
    expect(formatMoney(4500, 'USD')).toBe('$45')
    expect(formatMoney(1200, 'JPY')).toBe('¥1,200')
  })
})
