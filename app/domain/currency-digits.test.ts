import { describe, expect, it } from 'vitest'
import { FIAT_CODES, listCurrencies, findCurrency } from './currencies'
import { FIAT_CURRENCY_CODES, knownCryptoCode, knownCurrencyCode, knownCurrencyDigits } from './currency-digits'

describe('currency-digits (the browser-sized table)', () => {
  it('lists the same fiat codes as currencies.ts, in the same order', () => {
    expect(FIAT_CURRENCY_CODES).toEqual(FIAT_CODES)
  })

  it('gives every currency the digits currencies.ts gives it', () => {
    for (const currency of listCurrencies())
      expect(knownCurrencyDigits(currency.code), currency.code).toBe(currency.digits)
  })

  it('knows the same cryptocurrencies', () => {
    for (const currency of listCurrencies()) {
      expect(knownCryptoCode(currency.code), currency.code).toBe(currency.kind === 'crypto' ? currency.code : undefined)
    }
    expect(knownCryptoCode('matic')).toBe('POL')
  })

  it('writes codes as findCurrency does', () => {
    for (const code of [' usd', 'Matic', 'btc', 'XAU', 'NOPE', 'jpy '])
      expect(knownCurrencyCode(code)).toBe(findCurrency(code)?.code)
  })

  it('reads codes like findCurrency does, and knows nothing else', () => {
    expect(knownCurrencyDigits(' matic ')).toBe(18)
    expect(knownCurrencyDigits('jpy')).toBe(0)
    expect(knownCurrencyDigits('XAU')).toBeUndefined()
    expect(knownCurrencyDigits('NOPE')).toBeUndefined()
  })
})
