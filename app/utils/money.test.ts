import { describe, expect, it } from 'vitest'
import { formatMoney } from './format'
import { minorToAmountText, parseAmountToMinor } from './money'

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
