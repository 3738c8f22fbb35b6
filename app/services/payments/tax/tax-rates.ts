import { getCountries } from 'libphonenumber-js'
import { SOURCE_EU_COUNTRIES, SOURCE_RATES, SOURCE_VERSION, type SourceEntry } from './tax-rate-source.server'

/** Release dates of the sales-tax versions we have read (from its CHANGELOG): the "as of" of our rates. */
const RELEASE_DATES: Record<string, string> = { '2.23.0': '2026-05-19' }

export type TaxSource = { name: string; version: string; date: string | null; url: string }

export const TAX_SOURCE: TaxSource = {
  name: 'sales-tax (node-sales-tax by Valerian Saliou)',
  version: SOURCE_VERSION,
  date: RELEASE_DATES[SOURCE_VERSION] ?? null,
  url: 'https://github.com/valeriansaliou/node-sales-tax',
}

/**
 * A tax rate is carried as an integer in parts per million (19 % = 190 000): basis points cannot
 * hold rates such as Minnesota's 6.875 % or Québec's 9.975 %.
 */
export type TaxRate =
  | {
      kind: 'rate'
      countryCode: string
      regionCode: string | null
      type: string
      ratePpm: number
      percent: string
      source: TaxSource
    }
  /** The source lists the country, with no national tax on sales (e.g. the United States). */
  | {
      kind: 'no_tax'
      countryCode: string
      regionCode: string | null
      type: 'none'
      ratePpm: 0
      percent: '0'
      source: TaxSource
    }
  /** The source has no entry for this country: we add no tax and say so. */
  | {
      kind: 'not_in_source'
      countryCode: string
      regionCode: null
      type: 'none'
      ratePpm: 0
      percent: '0'
      source: TaxSource
    }

export const PPM = 1_000_000

function toPpm(rate: number): number {
  return Math.round(rate * PPM)
}

/** "19", "25.5", "6.875": the percentage of a ppm rate, exact, without trailing zeros. */
export function ppmToPercent(ppm: number): string {
  const sign = ppm < 0 ? '-' : ''
  const abs = Math.abs(ppm)
  const whole = Math.floor(abs / 10_000)
  const fraction = String(abs % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '')
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`
}

/** The entry in force at `at`: the source keeps older rates under "before <date>". */
function inForce<T extends { rate: number; type: string }>(
  entry: T & { before?: Record<string, { type: string; rate: number }> },
  at: Date,
): { rate: number; type: string } {
  let chosen: { date: number; value: { type: string; rate: number } } | null = null
  for (const [date, value] of Object.entries(entry.before ?? {})) {
    const time = new Date(date).getTime()
    if (at.getTime() < time && (!chosen || time < chosen.date)) chosen = { date: time, value }
  }
  return chosen ? chosen.value : entry
}

export function isEuCountry(countryCode: string): boolean {
  return SOURCE_EU_COUNTRIES.includes(countryCode.toUpperCase())
}

/**
 * The VAT/GST/sales-tax rate for a country (and optionally one of its regions, where the source
 * has them: US states, Canadian provinces, Spanish territories) at a date. A regional rate adds
 * to the national one, as in the source; exempt territories (negative regional rates) end at 0.
 */
export function taxRateFor(countryCode: string, regionCode?: string | null, at = new Date()): TaxRate {
  const country = countryCode.trim().toUpperCase()
  const entry: SourceEntry | undefined = SOURCE_RATES[country]
  if (!entry)
    return {
      kind: 'not_in_source',
      countryCode: country,
      regionCode: null,
      type: 'none',
      ratePpm: 0,
      percent: '0',
      source: TAX_SOURCE,
    }
  const national = inForce(entry, at)
  const region = regionCode ? regionCode.trim().toUpperCase() : null
  const state = region ? entry.states?.[region] : undefined
  const regional = state ? inForce(state, at) : null
  const ratePpm = Math.max(0, toPpm(national.rate) + (regional ? toPpm(regional.rate) : 0))
  const regionOut = state ? region : null
  if (ratePpm === 0)
    return {
      kind: 'no_tax',
      countryCode: country,
      regionCode: regionOut,
      type: 'none',
      ratePpm: 0,
      percent: '0',
      source: TAX_SOURCE,
    }
  const type =
    regional && regional.rate > 0
      ? national.rate > 0
        ? `${national.type}+${regional.type}`
        : regional.type
      : national.type
  return {
    kind: 'rate',
    countryCode: country,
    regionCode: regionOut,
    type,
    ratePpm,
    percent: ppmToPercent(ratePpm),
    source: TAX_SOURCE,
  }
}

export type PublishedRate = {
  countryCode: string
  name: string
  type: string
  percent: string
  eu: boolean
  regions: { code: string; type: string; percent: string }[]
}

const typeLabel = (type: string) => (type === 'none' ? 'none' : type.toUpperCase())

/** Every country of the source with its national rate and regional extras, by English name. */
export function listPublishedRates(at = new Date(), locale = 'en'): PublishedRate[] {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })
  return Object.entries(SOURCE_RATES)
    .map(([code, entry]) => {
      const national = inForce(entry, at)
      return {
        countryCode: code,
        name: names.of(code) ?? code,
        type: typeLabel(national.type),
        percent: ppmToPercent(toPpm(national.rate)),
        eu: isEuCountry(code),
        regions: Object.entries(entry.states ?? {}).map(([regionCode, state]) => {
          const value = inForce(state, at)
          return { code: regionCode, type: typeLabel(value.type), percent: ppmToPercent(toPpm(value.rate)) }
        }),
      }
    })
    .sort((a, b) => a.name.localeCompare(b.name, locale))
}

export type CountryOption = { value: string; label: string }

/** Every country and territory (ISO 3166 codes as libphonenumber knows them) by English name. */
export function countryOptions(locale = 'en'): CountryOption[] {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })
  return getCountries()
    .map((code) => ({ value: code as string, label: names.of(code) ?? code }))
    .sort((a, b) => a.label.localeCompare(b.label, locale))
}

/** Countries and territories that the source has no rate for. */
export function countriesWithoutSourceRate(locale = 'en'): CountryOption[] {
  return countryOptions(locale).filter((option) => !SOURCE_RATES[option.value])
}

export function sourceCountryCount(): number {
  return Object.keys(SOURCE_RATES).length
}

/** A country code from a profile's free-text country ("DE", "Germany"), when it names one. */
export function countryCodeFromText(text: string | null | undefined, locale = 'en'): string | null {
  const typed = text?.trim()
  if (!typed) return null
  const options = countryOptions(locale)
  const upper = typed.toUpperCase()
  const byCode = options.find((option) => option.value === upper)
  if (byCode) return byCode.value
  const byName = options.find((option) => option.label.localeCompare(typed, locale, { sensitivity: 'base' }) === 0)
  return byName?.value ?? null
}
