import { describe, expect, it } from 'vitest'
import {
  convertMinor,
  divideRates,
  minorToDecimal,
  multiplyRates,
  numberToRate,
  parseDecimalToMinor,
  roundRate,
} from './money-conversion'

describe('convertMinor', () => {
  it('converts between 2-digit fiat currencies', () => {
    expect(convertMinor(10000n, 2, 2, '0.92')).toBe(9200n)
    expect(convertMinor(10000n, 2, 2, '1.0834')).toBe(10834n)
  })

  it('rounds half up, and half away from zero for negatives', () => {
    // 1.00 at 0.125 = 0.125 → 0.13; 1.00 at 0.124 = 0.124 → 0.12
    expect(convertMinor(100n, 2, 2, '0.125')).toBe(13n)
    expect(convertMinor(100n, 2, 2, '0.124')).toBe(12n)
    expect(convertMinor(-100n, 2, 2, '0.125')).toBe(-13n)
  })

  it('handles 0-digit and 3-digit fiat', () => {
    // 100.00 USD → JPY at 155.37 = 15537 yen (no minor digits)
    expect(convertMinor(10000n, 2, 0, '155.37')).toBe(15537n)
    // 1000 JPY → USD at 0.0064362 = 6.4362 → 6.44
    expect(convertMinor(1000n, 0, 2, '0.0064362')).toBe(644n)
    // 10.000 KWD (3 digits) → USD at 3.2551 = 32.551 → 32.55
    expect(convertMinor(10000n, 3, 2, '3.2551')).toBe(3255n)
    // 50.00 USD → BHD at 0.376 = 18.800
    expect(convertMinor(5000n, 2, 3, '0.376')).toBe(18800n)
  })

  it('keeps 18-decimal ETH exact beyond 2^53', () => {
    const oneEthWei = 10n ** 18n
    // 1 ETH at 3456.78 USD → 345678 cents
    expect(convertMinor(oneEthWei, 18, 2, '3456.78')).toBe(345678n)
    // 100.00 USD → ETH at 1/3456.78 written out: 0.000289286...
    expect(convertMinor(10000n, 2, 18, '0.000289286214')).toBe(28928621400000000n)
    // 123456789.123456789123456789 ETH at rate 1 stays exact
    const big = 123456789123456789123456789n
    expect(convertMinor(big, 18, 18, '1')).toBe(big)
    // ETH → BTC (18 → 8 digits): 2.5 ETH at 0.0352 BTC = 0.088 BTC
    expect(convertMinor(25n * 10n ** 17n, 18, 8, '0.0352')).toBe(8800000n)
  })

  it('accepts scientific notation as providers send it', () => {
    expect(convertMinor(100000000n, 8, 2, '1.5e4')).toBe(1500000n)
    expect(convertMinor(10000n, 2, 8, '1.6e-5')).toBe(160000n) // 100 USD → 0.0016 BTC
  })

  it('refuses rates that are not positive decimals', () => {
    expect(() => convertMinor(1n, 2, 2, 'abc')).toThrow(RangeError)
    expect(() => convertMinor(1n, 2, 2, '0')).toThrow(RangeError)
    expect(() => convertMinor(1n, 2, 2, '-1')).toThrow(RangeError)
  })
})

describe('parseDecimalToMinor', () => {
  it('parses amounts into BigInt minor units', () => {
    expect(parseDecimalToMinor('45', 2)).toBe(4500n)
    expect(parseDecimalToMinor('45.5', 2)).toBe(4550n)
    expect(parseDecimalToMinor(' 1,250.75 ', 2)).toBe(125075n)
    expect(parseDecimalToMinor('.5', 2)).toBe(50n)
    expect(parseDecimalToMinor('1200', 0)).toBe(1200n)
    expect(parseDecimalToMinor('1.234', 3)).toBe(1234n)
    expect(parseDecimalToMinor('0.000000000000000001', 18)).toBe(1n)
    expect(parseDecimalToMinor('12345678901234567890.5', 18)).toBe(12345678901234567890500000000000000000n)
  })

  it('takes commas only as thousands separators, in their place', () => {
    expect(parseDecimalToMinor('10,000', 2)).toBe(1_000_000n)
    for (const misplaced of ['1,00', '10,00.5', ',100', '1000,000', '1.000,50'])
      expect(parseDecimalToMinor(misplaced, 2)).toBeNull()
  })

  it('refuses negative, malformed or over-precise amounts', () => {
    for (const text of ['', ' ', '-5', 'abc', '1.2.3', '1e5', '12.5x', '.'])
      expect(parseDecimalToMinor(text, 2)).toBeNull()
    expect(parseDecimalToMinor('1.234', 2)).toBeNull()
    expect(parseDecimalToMinor('12.5', 0)).toBeNull()
  })
})

describe('minorToDecimal', () => {
  it('writes every digit', () => {
    expect(minorToDecimal(4550n, 2)).toBe('45.50')
    expect(minorToDecimal(5n, 2)).toBe('0.05')
    expect(minorToDecimal(1200n, 0)).toBe('1200')
    expect(minorToDecimal(-5n, 3)).toBe('-0.005')
    expect(minorToDecimal(1n, 18)).toBe('0.000000000000000001')
    expect(minorToDecimal(125000n, 8)).toBe('0.00125000')
  })

  it('round-trips with parseDecimalToMinor', () => {
    for (const [text, digits] of [
      ['45.50', 2],
      ['0.000289286214000000', 18],
      ['18.800', 3],
      ['7', 0],
    ] as const) {
      expect(minorToDecimal(parseDecimalToMinor(text, digits)!, digits)).toBe(text)
    }
  })
})

describe('rate arithmetic', () => {
  it('divides rates for cross rates and keeps 18 significant digits', () => {
    expect(divideRates('175', '1.16')).toBe('150.862068965517241')
    expect(divideRates('1', '3')).toBe('0.333333333333333333')
    expect(divideRates('1.16', '1.16')).toBe('1')
    expect(divideRates('1', '105000')).toBe('0.00000952380952380952381')
  })

  it('multiplies rates exactly when they are short', () => {
    expect(multiplyRates('105000', '0.862068965517241379')).toBe('90517.2413793103448')
    expect(multiplyRates('2', '0.5')).toBe('1')
  })

  it('turns provider numbers into plain decimals', () => {
    expect(numberToRate(1.2e-7)).toBe('0.00000012')
    expect(numberToRate(97123.45)).toBe('97123.45')
    expect(() => numberToRate(0)).toThrow(RangeError)
  })
})

describe('roundRate', () => {
  it('shortens a rate for reading', () => {
    expect(roundRate('0.862068965517241379')).toBe('0.86206897')
    expect(roundRate('150.862068965517241', 6)).toBe('150.862')
    expect(roundRate('105000')).toBe('105000')
    expect(roundRate('0.00000952380952380952381', 4)).toBe('0.000009524')
  })
})
