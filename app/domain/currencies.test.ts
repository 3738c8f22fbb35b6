import { describe, expect, it } from 'vitest'
import { CRYPTO_CODES, FIAT_CODES, findCurrency, isCrypto, listCurrencies } from './currencies'
import { withCommonFirst } from './currency-digits'

describe('currencies', () => {
  it('lists 150+ active ISO 4217 fiat currencies with their minor digits', () => {
    expect(FIAT_CODES.length).toBeGreaterThanOrEqual(150)
    expect(findCurrency('USD')).toEqual({ code: 'USD', name: 'US Dollar', digits: 2, kind: 'fiat' })
    expect(findCurrency('JPY')?.digits).toBe(0)
    expect(findCurrency('KWD')?.digits).toBe(3)
    expect(findCurrency('EUR')?.kind).toBe('fiat')
  })

  it('leaves out metals, funds, units of account and testing codes', () => {
    for (const code of ['XAU', 'XAG', 'XPT', 'XPD', 'XTS', 'XXX', 'XBA', 'XDR', 'USN', 'CLF', 'BOV']) {
      expect(findCurrency(code), code).toBeUndefined()
    }
  })

  it('knows the seven cryptocurrencies and their decimals', () => {
    expect(CRYPTO_CODES).toEqual(['BTC', 'ETH', 'USDT', 'USDC', 'BNB', 'SOL', 'POL'])
    const digits = Object.fromEntries(listCurrencies('crypto').map((c) => [c.code, c.digits]))
    expect(digits).toEqual({ BTC: 8, ETH: 18, USDT: 6, USDC: 6, BNB: 18, SOL: 9, POL: 18 })
    expect(isCrypto('BTC')).toBe(true)
    expect(isCrypto('usd')).toBe(false)
    expect(isCrypto('NOPE')).toBe(false)
  })

  it('finds codes case-insensitively and maps MATIC to POL', () => {
    expect(findCurrency('eur')?.code).toBe('EUR')
    expect(findCurrency(' btc ')?.code).toBe('BTC')
    expect(findCurrency('matic')?.code).toBe('POL')
    expect(isCrypto('MATIC')).toBe(true)
    expect(findCurrency('ABC')).toBeUndefined()
  })

  it('has one entry per code and no fiat/crypto overlap', () => {
    const all = listCurrencies().map((c) => c.code)
    expect(new Set(all).size).toBe(all.length)
    expect(all.length).toBe(FIAT_CODES.length + CRYPTO_CODES.length)
    expect(listCurrencies('fiat').every((c) => c.kind === 'fiat' && c.name === c.name.trim())).toBe(true)
  })
})

describe('minor digits agree with Intl', () => {
  it('uses the digits Intl.NumberFormat formats each fiat currency with', () => {
    for (const currency of listCurrencies('fiat')) {
      const intl = new Intl.NumberFormat('en', { style: 'currency', currency: currency.code }).resolvedOptions()
      expect(currency.digits, currency.code).toBe(intl.maximumFractionDigits)
    }
    expect(findCurrency('PKR')?.digits).toBe(0)
  })
})

describe('withCommonFirst', () => {
  it('lists every fiat code once, the common ones first', () => {
    const codes = withCommonFirst(['USD', 'EUR', 'BTC', 'NOPE'])
    expect(codes.slice(0, 3)).toEqual(['USD', 'EUR', 'AED'])
    expect(codes).toHaveLength(FIAT_CODES.length)
    expect(new Set(codes).size).toBe(codes.length)
  })
})
