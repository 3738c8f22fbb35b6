import { checkVAT, countries } from 'jsvat'
import { isEuCountry } from './tax-rates'

export type VatIdCheck = { ok: true; vatId: string } | { ok: false; message: string }

/** Greece writes its VAT IDs with EL, not its ISO code GR. */
const vatPrefix = (countryCode: string) => (countryCode === 'GR' ? 'EL' : countryCode)

/** Spaces, dots and dashes are how people copy VAT IDs from invoices; none is part of the number. */
function normaliseVatId(input: string): string {
  return input.replace(/[\s.-]/g, '').toUpperCase()
}

/**
 * An EU VAT ID checked offline with jsvat (format and check digits) for the billing country. The
 * country prefix may be left out. Whether the number is registered is not checked (that needs VIES).
 */
export function checkEuVatId(input: string, countryCode: string): VatIdCheck {
  const country = countryCode.toUpperCase()
  if (!isEuCountry(country))
    return {
      ok: false,
      message: 'VAT IDs are used for EU reverse charge only. Leave this empty, or choose your EU billing country.',
    }
  const typed = normaliseVatId(input)
  if (!typed) return { ok: false, message: 'Enter your VAT ID.' }
  const prefix = vatPrefix(country)
  const vatId = /^[A-Z]{2}/.test(typed) ? typed : `${prefix}${typed}`
  if (!vatId.startsWith(prefix))
    return {
      ok: false,
      message: `A VAT ID for this billing country starts with ${prefix}; this one starts with ${vatId.slice(0, 2)}.`,
    }
  const result = checkVAT(vatId, countries)
  if (!result.isValidFormat)
    return {
      ok: false,
      message: `This is not the format of a ${prefix} VAT ID. Check the number on your VAT registration.`,
    }
  if (!result.isValid)
    return { ok: false, message: 'The check digits of this VAT ID do not match: there is a typo in it.' }
  return { ok: true, vatId }
}
