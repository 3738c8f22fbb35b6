import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  countryCodeFromText,
  listPublishedRates,
  ppmToPercent,
  sourceCountryCount,
  TAX_SOURCE,
  taxRateFor,
} from './tax-rates'

describe('taxRateFor', () => {
  it('gives Germany 19 % VAT', () => {
    expect(taxRateFor('DE')).toMatchObject({ kind: 'rate', type: 'vat', ratePpm: 190_000, percent: '19' })
  })
  it('gives the United Kingdom 20 % VAT', () => {
    expect(taxRateFor('gb')).toMatchObject({ kind: 'rate', type: 'vat', ratePpm: 200_000, percent: '20' })
  })
  it('gives the United States no national tax, but a state rate when a state is named', () => {
    expect(taxRateFor('US')).toMatchObject({ kind: 'no_tax', ratePpm: 0 })
    expect(taxRateFor('US', 'MN')).toMatchObject({ kind: 'rate', regionCode: 'MN', ratePpm: 68_750, percent: '6.875' })
  })
  it('adds Canadian provincial tax to GST and ends exempt Spanish territories at zero', () => {
    expect(taxRateFor('CA', 'QC')).toMatchObject({ kind: 'rate', type: 'gst+qst', ratePpm: 149_750 })
    expect(taxRateFor('ES', 'CE')).toMatchObject({ kind: 'no_tax' })
    expect(taxRateFor('ES')).toMatchObject({ kind: 'rate', ratePpm: 210_000 })
  })
  it('says when a country is not in the source instead of inventing a rate', () => {
    const missing = taxRateFor('AF')
    expect(missing).toMatchObject({ kind: 'not_in_source', countryCode: 'AF', ratePpm: 0 })
    expect(missing.source.name).toMatch(/sales-tax/)
  })
  it('uses the rate in force at the date (Germany’s 16 % in late 2020)', () => {
    expect(taxRateFor('DE', null, new Date('2020-09-01T00:00:00Z')).ratePpm).toBe(160_000)
    expect(taxRateFor('DE', null, new Date('2021-03-01T00:00:00Z')).ratePpm).toBe(190_000)
  })
})

describe('the published list', () => {
  it('covers every country of the source, counted honestly', () => {
    const raw = JSON.parse(readFileSync('node_modules/sales-tax/res/sales_tax_rates.json', 'utf8')) as Record<
      string,
      unknown
    >
    expect(sourceCountryCount()).toBe(Object.keys(raw).length)
    expect(listPublishedRates()).toHaveLength(Object.keys(raw).length)
    expect(listPublishedRates().find((rate) => rate.countryCode === 'FI')).toMatchObject({
      name: 'Finland',
      percent: '25.5',
      eu: true,
    })
  })
  it('knows the release date of the installed source version', () => {
    expect(TAX_SOURCE.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })
})

describe('helpers', () => {
  it('writes ppm rates as exact percentages', () => {
    expect([190_000, 255_000, 99_750, 0, 5].map(ppmToPercent)).toEqual(['19', '25.5', '9.975', '0', '0.0005'])
  })
  it('reads a profile country typed as a code or a name', () => {
    expect(countryCodeFromText('Germany')).toBe('DE')
    expect(countryCodeFromText('de')).toBe('DE')
    expect(countryCodeFromText('Atlantis')).toBeNull()
  })
})
