import { describe, expect, it } from 'vitest'
import { countryFromAcceptLanguage, countryOptions, maskPhoneNumber, normalisePhoneNumber } from './phone-numbers'

describe('phone numbers', () => {
  it('stores numbers as E.164, read with the chosen country or their own + prefix', () => {
    expect(normalisePhoneNumber('07911 123456', 'GB')).toEqual({ ok: true, e164: '+447911123456' })
    expect(normalisePhoneNumber('+44 7911 123456')).toEqual({ ok: true, e164: '+447911123456' })
    expect(normalisePhoneNumber('0044 7911 123456')).toEqual({ ok: true, e164: '+447911123456' })
    expect(normalisePhoneNumber('(201) 555-0123', 'US')).toEqual({ ok: true, e164: '+12015550123' })
    // The + prefix wins over the country chosen.
    expect(normalisePhoneNumber('+1 201 555 0123', 'GB')).toEqual({ ok: true, e164: '+12015550123' })
  })

  it('refuses numbers that cannot be right, and asks for a country when it cannot tell', () => {
    expect(normalisePhoneNumber('12345', 'GB')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not a valid phone number/),
    })
    expect(normalisePhoneNumber('call me', 'GB').ok).toBe(false)
    expect(normalisePhoneNumber('+44 1', undefined).ok).toBe(false)
    expect(normalisePhoneNumber('07911 123456')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Choose your country/),
    })
    expect(normalisePhoneNumber('07911 123456', 'ZZ').ok).toBe(false)
  })

  it('masks all but the country code and the last four digits', () => {
    expect(maskPhoneNumber('+447911120042')).toBe('+44 •••• 0042')
    expect(maskPhoneNumber('+12015550123')).toBe('+1 •••• 0123')
  })

  it('lists countries by name with their calling codes, and guesses one from the browser language', () => {
    const options = countryOptions()
    expect(options).toContainEqual({ value: 'GB', label: 'United Kingdom (+44)' })
    expect(options).toContainEqual({ value: 'DE', label: 'Germany (+49)' })
    expect(options.length).toBeGreaterThan(200)
    expect(countryFromAcceptLanguage('en-GB,en;q=0.9')).toBe('GB')
    expect(countryFromAcceptLanguage('de')).toBeUndefined()
    expect(countryFromAcceptLanguage(null)).toBeUndefined()
  })
})
