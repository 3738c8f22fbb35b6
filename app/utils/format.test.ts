import { describe, expect, it } from 'vitest'
import { currencyDigits, formatAge, formatEstimatedMoney, formatMoney } from './format'

describe('formatMoney', () => {
  it('keeps fiat as it was: whole amounts without cents, cents in full', () => {
    expect(formatMoney(4500, 'USD')).toBe('$45')
    expect(formatMoney(4550, 'USD')).toBe('$45.50')
    expect(formatMoney(72000, 'USD')).toBe('$720')
    expect(formatMoney(1200, 'JPY')).toBe('¥1,200')
    expect(formatMoney(18800, 'BHD')).toBe('BHD\u00a018.800')
    expect(formatMoney(123456, 'EUR', 'de-DE')).toBe('1.234,56\u00a0€')
  })

  it('accepts bigint and decimal-string minor units, exactly', () => {
    expect(formatMoney(4550n, 'USD')).toBe('$45.50')
    expect(formatMoney('4550', 'USD')).toBe('$45.50')
    expect(formatMoney(1234567890123456789n, 'USD')).toBe('$12,345,678,901,234,567.89')
    expect(formatMoney(-4550, 'USD')).toBe('-$45.50')
  })

  it('formats crypto with its code, trimming trailing zeros but no significant digit', () => {
    expect(formatMoney(125000n, 'BTC')).toBe('0.00125 BTC')
    expect(formatMoney(100000000n, 'BTC')).toBe('1 BTC')
    expect(formatMoney(1n, 'ETH')).toBe('0.000000000000000001 ETH')
    expect(formatMoney('1500000000000000000', 'ETH')).toBe('1.5 ETH')
    expect(formatMoney(12_000_000, 'USDT')).toBe('12 USDT')
    expect(formatMoney(1_234_560_000, 'USDC')).toBe('1,234.56 USDC')
    expect(formatMoney(2_500_000_000n, 'SOL')).toBe('2.5 SOL')
    expect(formatMoney(10n ** 18n, 'matic')).toBe('1 POL')
    expect(formatMoney(125000n, 'BTC', 'de-DE')).toBe('0,00125 BTC')
  })

  it('refuses fractional minor units instead of rounding silently', () => {
    expect(() => formatMoney(45.5, 'USD')).toThrow(RangeError)
    expect(() => formatMoney('4.5', 'USD')).toThrow(RangeError)
  })
})

describe('currencyDigits', () => {
  it('uses the currency list for fiat and crypto', () => {
    expect(currencyDigits('USD')).toBe(2)
    expect(currencyDigits('JPY')).toBe(0)
    expect(currencyDigits('KWD')).toBe(3)
    expect(currencyDigits('BTC')).toBe(8)
    expect(currencyDigits('ETH')).toBe(18)
    expect(currencyDigits('USDT')).toBe(6)
    expect(currencyDigits('SOL')).toBe(9)
  })
})

describe('formatAge', () => {
  const asOf = new Date('2026-12-01T16:00:00Z')
  it('says how old a rate is in the largest sensible unit', () => {
    expect(formatAge(asOf, new Date('2026-12-01T16:00:30Z'))).toBe('less than a minute old')
    expect(formatAge(asOf, new Date('2026-12-01T15:59:00Z'))).toBe('less than a minute old')
    expect(formatAge(asOf, new Date('2026-12-01T16:01:00Z'))).toBe('1 minute old')
    expect(formatAge(asOf, new Date('2026-12-01T16:45:00Z'))).toBe('45 minutes old')
    expect(formatAge(asOf, new Date('2026-12-01T19:10:00Z'))).toBe('3 hours old')
    expect(formatAge(asOf, new Date('2026-12-03T15:00:00Z'))).toBe('47 hours old')
    expect(formatAge(asOf, new Date('2026-12-05T16:00:00Z'))).toBe('4 days old')
  })
})

describe('formatEstimatedMoney', () => {
  it('rounds a cryptocurrency estimate to 8 decimals and leaves every other amount as formatMoney shows it', () => {
    // $50 at 1 USD = 0.000263158 ETH: 0.013157894736842105 ETH exactly.
    expect(formatEstimatedMoney('13157894736842105', 'ETH')).toBe('0.01315789 ETH')
    expect(formatEstimatedMoney('13157895000000000', 'ETH')).toBe('0.0131579 ETH')
    expect(formatEstimatedMoney('-13157894736842105', 'ETH')).toBe('-0.01315789 ETH')
    expect(formatEstimatedMoney('125000', 'BTC')).toBe(formatMoney('125000', 'BTC'))
    expect(formatEstimatedMoney(4550, 'USD')).toBe('$45.50')
  })
})
