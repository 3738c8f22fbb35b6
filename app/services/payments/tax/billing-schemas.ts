import * as z from 'zod'

/** The billing and tax form: a country from the list and, for EU businesses, a VAT ID. */
export const BillingDetailsSchema = z.object({
  country: z.string({ error: 'Choose your billing country' }).regex(/^[A-Z]{2}$/, 'Choose your billing country'),
  vatId: z.string().trim().max(24, 'A VAT ID has at most 14 characters after its country prefix').optional(),
})
