import { beforeAll, describe, expect, it } from 'vitest'
import { formatDate, formatMoney, keepFormattedTexts } from './format'
import { keptText } from './kept-texts.server'

const intlDay = (time: number, locale = 'en-GB') =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(time)

describe('kept texts (the server formats each day and amount once)', () => {
  beforeAll(() => keepFormattedTexts(keptText))

  it('keeps a text by its kind and value, and makes it only once', () => {
    let made = 0
    const make = () => `text ${(made += 1)}`
    expect(keptText('test-kind', 1, make)).toBe('text 1')
    expect(keptText('test-kind', 1, make)).toBe('text 1')
    expect(keptText('other-kind', 1, make)).toBe('text 2')
    expect(made).toBe(2)
  })

  it('gives every time of a UTC day that day, however the time is passed, on both sides of midnight', () => {
    const times = [
      Date.UTC(2026, 11, 5, 0, 0, 0, 0),
      Date.UTC(2026, 11, 5, 23, 59, 59, 999),
      Date.UTC(2026, 11, 6, 0, 0, 0, 0),
      Date.UTC(1969, 11, 31, 23, 59, 59, 999),
      Date.UTC(1970, 0, 1),
      Date.UTC(2024, 1, 29, 12),
    ]
    for (const time of times) {
      for (const locale of ['en-GB', 'de-DE']) {
        const expected = intlDay(time, locale)
        expect(formatDate(time, locale)).toBe(expected)
        expect(formatDate(new Date(time), locale)).toBe(expected)
        expect(formatDate(new Date(time).toISOString(), locale)).toBe(expected)
      }
    }
    expect(formatDate(Date.UTC(2026, 11, 5, 23, 59, 59, 999))).toBe('5 Dec 2026')
    expect(formatDate(Date.UTC(2026, 11, 6))).toBe('6 Dec 2026')
  })

  it('still refuses an invalid date, as Intl does, and keeps nothing for it', () => {
    expect(() => formatDate('not a date')).toThrow(RangeError)
    expect(() => formatDate(Number.NaN)).toThrow(RangeError)
    expect(() => formatDate('not a date')).toThrow(RangeError)
  })

  it('keeps amounts apart by currency and locale, and refuses what is not whole minor units', () => {
    expect(formatMoney(123456, 'EUR', 'de-DE')).toBe('1.234,56\u00a0€')
    expect(formatMoney(123456, 'EUR')).toBe('€1,234.56')
    expect(formatMoney(123456, 'USD')).toBe('$1,234.56')
    expect(formatMoney(123456, 'JPY')).toBe('¥123,456')
    expect(formatMoney(125000n, 'BTC')).toBe('0.00125 BTC')
    expect(() => formatMoney(45.5, 'USD')).toThrow(RangeError)
    expect(() => formatMoney(2 ** 60, 'USD')).toThrow(RangeError)
  })

  it('stays right past its bound', () => {
    // More distinct amounts and days than are kept: every answer is still Intl's.
    for (let minor = 0; minor < 12_000; minor += 1) {
      const text = formatMoney(minor, 'USD')
      if (minor % 997 === 0) expect(text).toBe(formatMoney(BigInt(minor), 'USD'))
      if (minor % 1999 === 0) expect(formatDate(minor * 86_400_000)).toBe(intlDay(minor * 86_400_000))
    }
    expect(formatMoney(4550, 'USD')).toBe('$45.50')
    expect(formatDate(Date.UTC(2026, 11, 5, 12))).toBe('5 Dec 2026')
  })
})
