import { describe, expect, it } from 'vitest'
import { currencyChoices, searchCurrencies } from './currency-search'

const codes = (list: { code: string }[]) => list.map((currency) => currency.code)

describe('searchCurrencies', () => {
  it('finds by code, name, country and alias', () => {
    expect(codes(searchCurrencies('usd'))[0]).toBe('USD')
    expect(codes(searchCurrencies('yen'))).toEqual(['JPY'])
    expect(codes(searchCurrencies('japan'))).toEqual(['JPY'])
    expect(codes(searchCurrencies('swiss franc'))).toEqual(['CHF'])
    expect(codes(searchCurrencies('matic'))).toEqual(['POL'])
    expect(codes(searchCurrencies('bitcoin'))).toEqual(['BTC'])
    expect(codes(searchCurrencies('franc'))).toEqual(expect.arrayContaining(['CHF', 'XAF', 'XOF', 'XPF', 'CDF']))
  })

  it('lists everything for an empty query and nothing for nonsense', () => {
    expect(searchCurrencies('  ').length).toBeGreaterThan(150)
    expect(searchCurrencies('zzzzqq')).toEqual([])
  })
})

describe('currencyChoices', () => {
  it('puts favourites first and leaves them out of the other groups', () => {
    const choices = currencyChoices({ favourites: ['EUR', 'btc', 'NOPE'] })
    expect(codes(choices.favourites)).toEqual(['EUR', 'BTC'])
    expect(codes(choices.fiat)).not.toContain('EUR')
    expect(codes(choices.crypto)).toEqual(['ETH', 'USDT', 'USDC', 'BNB', 'SOL', 'POL'])
  })

  it('narrows by the search but keeps favourites and the selected currencies', () => {
    const choices = currencyChoices({ query: 'krone', favourites: ['GBP'], keep: ['USD', 'ETH'] })
    expect(codes(choices.favourites)).toEqual(['GBP'])
    expect(codes(choices.fiat)).toEqual(['DKK', 'NOK', 'USD'])
    expect(codes(choices.crypto)).toEqual(['ETH'])
  })
})
