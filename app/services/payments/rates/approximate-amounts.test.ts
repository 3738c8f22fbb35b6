import { describe, expect, it } from 'vitest'
import { parseWithZod } from '@conform-to/zod/v4'
import { findCurrency } from '~/domain/currencies'
import { DisplayCurrencySchema } from '~/services/accounts/display-currency-schemas'
import {
  describeRate,
  DISPLAY_CURRENCY_CODES,
  displayCurrencyOptions,
  makeApproximator,
  type ApproximationRate,
} from './approximate-amounts'
import { openApproximator } from './approximations.server'

const DAY = new Date('2026-12-07T15:00:00Z')
const rate = (base: string, quote: string, value: string, source: ApproximationRate['source'] = 'ecb') =>
  [base, { base, quote, rate: value, asOf: DAY, source }] as const

describe('approximate amounts', () => {
  const toEur = makeApproximator('EUR', new Map([rate('USD', 'EUR', '0.92'), rate('GBP', 'EUR', '1.15')]))

  it('shows an amount in the chosen currency with the shared money format, and the rate behind it', () => {
    expect(toEur.of({ minor: 134_000, currency: 'USD' })).toEqual({
      text: '≈ €1,232.80',
      rates: 'at 1 USD = 0.92 EUR, ECB rate of 7 Dec 2026',
    })
    // Rounded half up to the target's cents: $0.01 is €0.0092 → €0.01; whole amounts read "€92".
    expect(toEur.of({ minor: 1, currency: 'USD' })?.text).toBe('≈ €0.01')
    expect(toEur.of({ minor: 10_000, currency: 'USD' })?.text).toBe('≈ €92')
  })

  it('adds amounts in several currencies into one figure, and keeps a sign', () => {
    const figure = toEur.of(
      { minor: 10_000, currency: 'USD' },
      { minor: 10_000, currency: 'GBP' },
      { minor: 500, currency: 'EUR' },
    )
    expect(figure).toEqual({
      text: '≈ €212',
      rates: 'at 1 USD = 0.92 EUR, ECB rate of 7 Dec 2026; 1 GBP = 1.15 EUR, ECB rate of 7 Dec 2026',
    })
    expect(toEur.of({ minor: -5_000, currency: 'USD' })?.text).toBe('≈ −€46')
  })

  it('rounds to the target currency’s digits: none for yen, 8 decimals for a cryptocurrency', () => {
    const toYen = makeApproximator('JPY', new Map([rate('USD', 'JPY', '155.555')]))
    expect(toYen.of({ minor: 1_000, currency: 'USD' })?.text).toBe('≈ ¥1,556')
    const toEth = makeApproximator('ETH', new Map([rate('USD', 'ETH', '0.000263157894736842', 'coingecko')]))
    expect(toEth.of({ minor: 5_000, currency: 'USD' })).toEqual({
      text: '≈ 0.01315789 ETH',
      rates: 'at 1 ETH = 3800 USD, CoinGecko price of 7 Dec 2026',
    })
  })

  it('shows nothing without a preference, for the chosen currency itself, or where no rate is known', () => {
    expect(makeApproximator(null, new Map([rate('USD', 'EUR', '0.92')])).of({ minor: 100, currency: 'USD' })).toBe(null)
    expect(toEur.of({ minor: 100, currency: 'EUR' })).toBe(null)
    expect(toEur.of()).toBe(null)
    expect(toEur.of({ minor: 0, currency: 'USD' })).toBe(null)
    // One amount without a rate: no figure at all, rather than a total that leaves it out.
    expect(toEur.of({ minor: 100, currency: 'USD' }, { minor: 100, currency: 'XOF' })).toBe(null)
  })

  it('writes the page’s footnote from the rates it used, and none when nothing was approximated', () => {
    const page = makeApproximator('EUR', new Map([rate('USD', 'EUR', '0.92', 'snapshot'), rate('GBP', 'EUR', '1.15')]))
    expect(page.note()).toBe(null)
    page.of({ minor: 100, currency: 'USD' })
    page.of({ minor: 200, currency: 'USD' })
    expect(page.note()).toBe(
      '≈ marks an approximate amount in Euro (EUR), at 1 USD = 0.92 EUR, MegiLance’s built-in rate of 7 Dec 2026. Your money stays in the currency it is held in; choose the currency, or none, in Settings → Appearance.',
    )
  })

  it('reads a small rate the other way round', () => {
    expect(describeRate({ base: 'VND', quote: 'EUR', rate: '0.0000376', asOf: DAY, source: 'snapshot' })).toBe(
      '1 EUR = 26595.7 VND, MegiLance’s built-in rate of 7 Dec 2026',
    )
  })
})

describe('openApproximator', () => {
  it('uses the rates the app holds (the shipped snapshot in tests), with their date and source', async () => {
    const approx = await openApproximator('EUR', ['USD', 'EUR', 'USD'])
    expect(approx.of({ minor: 100_000, currency: 'USD' })).toEqual({
      text: '≈ €862.07',
      rates: 'at 1 USD = 0.862069 EUR, MegiLance’s built-in rate of 1 Dec 2026',
    })
  })

  it('reads no rate and shows nothing without a preference', async () => {
    const approx = await openApproximator(null, ['USD'])
    expect(approx.of({ minor: 100_000, currency: 'USD' })).toBe(null)
    expect(approx.note()).toBe(null)
  })
})

describe('the display-currency setting', () => {
  const parse = (fields: Record<string, string>) =>
    parseWithZod(new URLSearchParams(fields), { schema: DisplayCurrencySchema })
  const errorsOf = (fields: Record<string, string>) => {
    const submission = parse(fields)
    return submission.status === 'error' ? submission.error?.displayCurrency : 'accepted'
  }

  it('offers None and every fiat currency the shipped rates price, the common ones first', () => {
    expect(DISPLAY_CURRENCY_CODES.slice(0, 4)).toEqual(['USD', 'EUR', 'GBP', 'INR'])
    expect(DISPLAY_CURRENCY_CODES.every((code) => findCurrency(code)?.kind === 'fiat')).toBe(true)
    expect(new Set(DISPLAY_CURRENCY_CODES).size).toBe(DISPLAY_CURRENCY_CODES.length)
    expect(displayCurrencyOptions().slice(0, 3)).toEqual([
      { value: 'none', label: 'None — show only the real amounts' },
      { value: 'USD', label: 'USD — US Dollar' },
      { value: 'EUR', label: 'EUR — Euro' },
    ])
  })

  it('accepts None or a listed currency', () => {
    expect(parse({ displayCurrency: 'none' }).status).toBe('success')
    const saved = parse({ displayCurrency: 'INR' })
    expect(saved.status === 'success' && saved.value.displayCurrency).toBe('INR')
  })

  it('refuses anything else with a message that says what to choose', () => {
    const message = ['Choose None or one of the listed currencies, such as EUR or GBP']
    for (const value of ['', 'eur', 'XYZ', 'BTC', 'EUR; drop table users'])
      expect(errorsOf({ displayCurrency: value }), value).toEqual(message)
    expect(errorsOf({})).toEqual(message)
  })
})
