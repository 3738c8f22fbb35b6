import { readBillingDetails, readProfileCountry } from '~/models/billing-details.server'
import { getEnv } from '~/utils/env.server'
import { feeTaxTreatment, type FeeTaxTreatment, type TaxCustomer } from './fee-tax'
import { countryCodeFromText } from './tax-rates'

/**
 * The client's tax position: their billing details, or else their profile's country when it names
 * one. Synchronous so a release reads it in the same transaction that moves the money.
 */
export function taxCustomerOf(userId: string): TaxCustomer & { fromProfile: boolean } {
  const billing = readBillingDetails(userId)
  if (billing) return { countryCode: billing.countryCode, vatId: billing.vatId, fromProfile: false }
  return { countryCode: countryCodeFromText(readProfileCountry(userId)), vatId: null, fromProfile: true }
}

export function platformTaxCountry(): string {
  return getEnv().PLATFORM_TAX_COUNTRY
}

/** How the platform fee on this client's payments is taxed now. */
export function feeTaxTreatmentFor(clientId: string, at = new Date()): FeeTaxTreatment {
  return feeTaxTreatment(taxCustomerOf(clientId), platformTaxCountry(), at)
}

/** A sentence for fee previews where the client is known but no amount is (proposal forms). */
export function feeTaxNoteFor(clientId: string, at = new Date()): string | null {
  const treatment = feeTaxTreatmentFor(clientId, at)
  if (treatment.kind === 'taxed') return `The fee includes the client’s ${treatment.label}; your share does not change.`
  if (treatment.kind === 'reverse_charge') return `No VAT in the fee: ${treatment.label}.`
  return null
}
