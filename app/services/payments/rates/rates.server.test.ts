import { describe, expect, it } from 'vitest'
import { convertMinor } from '../../../utils/money-conversion'
import { CRYPTO_CODES, FIAT_CODES, findCurrency } from '../../../domain/currencies'
import { convertAmount, getExchangeRate, NoRateError, UnknownCurrencyError } from './rates.server'
import { RATE_SNAPSHOT, snapshotFiatCodes } from './snapshot'

// EXCHANGE_RATES_SOURCE is unset here: the shipped snapshot answers every request, no HTTP at all.
const now = new Date('2026-12-01T19:00:00Z')

describe('exchange rates from the shipped snapshot', () => {
  it('gives USD → EUR as the inverse of the snapshot’s EUR → USD, dated and labelled', async () => {
    const rate = await getExchangeRate('USD', 'EUR', now)
    expect(rate).toEqual({
      base: 'USD',
      quote: 'EUR',
      rate: '0.862068965517241379',
      asOf: RATE_SNAPSHOT.asOf,
      source: 'snapshot',
    })
    expect(convertMinor(10000n, 2, 2, rate.rate)).toBe(8621n)
  })

  it('crosses fiat through EUR', async () => {
    const rate = await getExchangeRate('GBP', 'JPY', now)
    expect(Number(rate.rate)).toBeCloseTo(175 / 0.87, 10)
    expect((await getExchangeRate('EUR', 'USD', now)).rate).toBe('1.16')
  })

  it('crosses crypto through USD, both ways and between coins', async () => {
    expect((await getExchangeRate('BTC', 'USD', now)).rate).toBe('105000')
    expect(Number((await getExchangeRate('BTC', 'EUR', now)).rate)).toBeCloseTo(105000 / 1.16, 8)
    expect(Number((await getExchangeRate('EUR', 'ETH', now)).rate)).toBeCloseTo(1.16 / 3800, 15)
    expect((await getExchangeRate('ETH', 'BTC', now)).rate).toBe('0.0361904761904761905') // 3800 / 105000, 18 significant digits
    expect((await getExchangeRate('matic', 'POL', now)).source).toBe('identity')
  })

  it('answers for every pair of crypto and the fiat the snapshot prices', async () => {
    const priced = FIAT_CODES.filter((code) => snapshotFiatCodes().includes(code))
    expect(priced.length).toBeGreaterThanOrEqual(75)
    for (const code of [...priced, ...CRYPTO_CODES]) {
      const rate = await getExchangeRate(code, 'BTC', now)
      expect(Number(rate.rate), code).toBeGreaterThan(0)
    }
  })

  it('prices pegged currencies through their anchor', async () => {
    expect((await getExchangeRate('USD', 'AED', now)).rate).toBe('3.6725')
    expect((await getExchangeRate('EUR', 'XOF', now)).rate).toBe('655.957')
    expect((await getExchangeRate('ZAR', 'NAD', now)).rate).toBe('1')
    expect((await getExchangeRate('AED', 'SAR', now)).source).toBe('snapshot')
  })

  it('ships a snapshot of known fiat codes, each anchored to a priced currency', () => {
    for (const [code, anchored] of Object.entries(RATE_SNAPSHOT.others)) {
      expect(findCurrency(code)?.kind, code).toBe('fiat')
      expect(snapshotFiatCodes(), `${code} per ${anchored.per}`).toContain(anchored.per)
    }
    for (const code of Object.keys(RATE_SNAPSHOT.ecbPerEur)) expect(findCurrency(code)?.kind, code).toBe('fiat')
    expect(Object.keys(RATE_SNAPSHOT.cryptoUsd)).toEqual([...CRYPTO_CODES])
  })

  it('is 1 for a currency against itself', async () => {
    expect(await getExchangeRate('usd', 'USD', now)).toEqual({
      base: 'USD',
      quote: 'USD',
      rate: '1',
      asOf: now,
      source: 'identity',
    })
  })

  it('says "no rate" for a real currency nobody prices, and names unknown codes', async () => {
    await expect(getExchangeRate('USD', 'ZWG', now)).rejects.toThrow(NoRateError)
    await expect(getExchangeRate('USD', 'ZWG', now)).rejects.toThrow(/No exchange rate is available for ZWG/)
    await expect(getExchangeRate('USD', 'XYZ', now)).rejects.toThrow(UnknownCurrencyError)
    await expect(getExchangeRate('DOGE', 'USD', now)).rejects.toThrow(/Unknown currency "DOGE"/)
  })

  it('converts minor units with the currencies’ own digits and returns the rate used', async () => {
    const usdToEth = await convertAmount(38000n, 'USD', 'ETH', now)
    expect(usdToEth.amountMinor).toBe(10n ** 17n) // 380.00 USD at 3800 USD/ETH = 0.1 ETH in wei
    expect(usdToEth.rate).toMatchObject({ base: 'USD', quote: 'ETH', source: 'snapshot' })
    expect((await convertAmount(10000n, 'USD', 'JPY', now)).amountMinor).toBe(15086n)
  })
})
