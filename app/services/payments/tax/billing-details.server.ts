import { findBillingDetails, saveBillingDetails } from '~/models/billing-details.server'
import { feeTaxTreatment, type FeeTaxTreatment } from './fee-tax'
import { platformTaxCountry, taxCustomerOf } from './tax-customer.server'
import { countryOptions, isEuCountry } from './tax-rates'
import { checkEuVatId } from './vat-ids'

export type BillingSaveOutcome =
  { ok: true; message: string } | { ok: false; field: 'country' | 'vatId'; message: string }

/** Saves the billing country and VAT ID; a VAT ID is kept only when it passes the offline check. */
export async function saveBillingAndTax(
  userId: string,
  input: { country: string; vatId?: string },
  at = new Date(),
): Promise<BillingSaveOutcome> {
  const country = countryOptions().find((option) => option.value === input.country)
  if (!country) return { ok: false, field: 'country', message: 'Choose your billing country from the list.' }
  let vatId: string | null = null
  if (input.vatId) {
    const checked = checkEuVatId(input.vatId, country.value)
    if (!checked.ok) return { ok: false, field: 'vatId', message: checked.message }
    vatId = checked.vatId
  }
  await saveBillingDetails(userId, { countryCode: country.value, vatId }, at)
  return {
    ok: true,
    message: vatId
      ? `Billing details saved: ${country.label}, VAT ID ${vatId}.`
      : `Billing details saved: ${country.label}.`,
  }
}

/** What the billing page shows: the saved details (or the profile's country) and how fees are taxed. */
export async function loadBillingPage(userId: string) {
  const saved = await findBillingDetails(userId)
  const customer = taxCustomerOf(userId)
  const treatment: FeeTaxTreatment = feeTaxTreatment(customer, platformTaxCountry())
  return {
    country: saved?.countryCode ?? customer.countryCode ?? '',
    vatId: saved?.vatId ?? '',
    vatIdCheckedAt: saved?.vatIdCheckedAt?.toISOString() ?? null,
    saved: Boolean(saved),
    treatment: { kind: treatment.kind, label: treatment.label },
    euCountries: countryOptions()
      .filter((option) => isEuCountry(option.value))
      .map((option) => option.value),
    countries: countryOptions(),
  }
}
