import { getCountries, getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js'

export type PhoneResult = { ok: true; e164: string } | { ok: false; message: string }

/**
 * A phone number in E.164 (+447911123456). A number typed with its + prefix needs no country;
 * otherwise the chosen country says how to read it.
 */
export function normalisePhoneNumber(input: string, country?: string): PhoneResult {
  const typed = input.trim()
  const international = typed.startsWith('+') || typed.startsWith('00')
  const defaultCountry = country && isSupportedCountry(country) ? country : undefined
  if (!international && !defaultCountry) {
    return { ok: false, message: 'Choose your country, or type the number with its + country code.' }
  }
  const parsed = parsePhoneNumberFromString(typed.replace(/^00/, '+'), defaultCountry)
  if (!parsed?.isValid())
    return { ok: false, message: 'This is not a valid phone number. Check the number and the country.' }
  return { ok: true, e164: parsed.number }
}

/** "+44 •••• 0042": enough to recognise your own number, not enough to learn someone else's. */
export function maskPhoneNumber(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164)
  const prefix = parsed ? `+${parsed.countryCallingCode}` : e164.slice(0, 3)
  return `${prefix} •••• ${e164.slice(-4)}`
}

export function formatPhoneNumber(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164
}

export type CountryOption = { value: string; label: string }

/** Every country libphonenumber knows, by English name, with its calling code: "United Kingdom (+44)". */
export function countryOptions(locale = 'en'): CountryOption[] {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })
  return getCountries()
    .map((code) => ({ value: code, label: `${names.of(code) ?? code} (+${getCountryCallingCode(code)})` }))
    .sort((a, b) => a.label.localeCompare(b.label, locale))
}

/** The country to preselect: the region of the browser's first language (en-GB → GB), when known. */
export function countryFromAcceptLanguage(header: string | null): string | undefined {
  const region = header?.split(',')[0]?.split(';')[0]?.trim().split('-')[1]?.toUpperCase()
  return region && isSupportedCountry(region) ? region : undefined
}
