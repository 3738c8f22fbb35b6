import { exactMinor } from '~/services/domain-errors'
import { isEuCountry, PPM, taxRateFor, type TaxRate } from './tax-rates'

/** Who pays the fee's tax: the client's billing country and, for EU businesses, a checked VAT ID. */
export type TaxCustomer = { countryCode: string | null; vatId: string | null }

export type FeeTaxTreatment =
  | { kind: 'taxed'; rate: Extract<TaxRate, { kind: 'rate' }>; label: string }
  | { kind: 'reverse_charge'; countryCode: string; label: string }
  | { kind: 'untaxed'; reason: 'no_country' | 'no_tax' | 'not_in_source'; label: string }

export const REVERSE_CHARGE_NOTE = 'VAT reverse charged'

/**
 * How the platform fee is taxed for a client. An EU business (checked VAT ID) in another EU country
 * than the platform's accounts for the VAT itself (reverse charge); everyone else pays the rate of
 * their country from the source; a country without a rate there, or no country at all, pays none.
 */
export function feeTaxTreatment(customer: TaxCustomer, platformCountry: string, at = new Date()): FeeTaxTreatment {
  const country = customer.countryCode?.toUpperCase() ?? null
  if (!country) return { kind: 'untaxed', reason: 'no_country', label: 'No tax: no billing country' }
  if (customer.vatId && isEuCountry(country) && country !== platformCountry.toUpperCase()) {
    return { kind: 'reverse_charge', countryCode: country, label: REVERSE_CHARGE_NOTE }
  }
  const rate = taxRateFor(country, null, at)
  if (rate.kind === 'rate')
    return { kind: 'taxed', rate, label: `${rate.type.toUpperCase()} ${rate.percent}% (${country})` }
  if (rate.kind === 'no_tax') return { kind: 'untaxed', reason: 'no_tax', label: `No ${country} tax on the fee` }
  return { kind: 'untaxed', reason: 'not_in_source', label: `No tax: no rate for ${country} in the source` }
}

export type FeeTaxSplit = { feeMinor: number; revenueMinor: number; taxMinor: number }

/**
 * Splits a tax-inclusive fee into the platform's revenue and the tax in it:
 * tax = fee × rate / (1 + rate), rounded half up to a minor unit; revenue is the rest, so the two
 * always add up to the fee exactly. BigInt keeps it exact for any safe amount.
 */
export function splitInclusiveTax(feeMinor: number, ratePpm: number): FeeTaxSplit {
  if (!Number.isInteger(feeMinor) || feeMinor < 0) throw new RangeError(`Not an amount in minor units: ${feeMinor}`)
  exactMinor(BigInt(feeMinor))
  if (!Number.isSafeInteger(ratePpm) || ratePpm < 0) throw new RangeError(`Not a rate in parts per million: ${ratePpm}`)
  const denominator = BigInt(PPM + ratePpm)
  const taxMinor = Number((BigInt(feeMinor) * BigInt(ratePpm) * 2n + denominator) / (2n * denominator))
  return { feeMinor, revenueMinor: feeMinor - taxMinor, taxMinor }
}

export function splitFeeForTreatment(feeMinor: number, treatment: FeeTaxTreatment): FeeTaxSplit {
  return treatment.kind === 'taxed'
    ? splitInclusiveTax(feeMinor, treatment.rate.ratePpm)
    : { feeMinor, revenueMinor: feeMinor, taxMinor: 0 }
}
