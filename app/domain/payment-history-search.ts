import * as z from 'zod'
import { PAYMENT_STATUS_LABELS, PAYMENT_TYPES, type PaymentHistorySearch } from './payment-history-filters'
import { optionalDay, optionalText, pageParam } from './query-params'

/*
 * The payment history's GET form read with zod, apart from payment-history-filters.ts (the labels
 * the page shows) so the browser never loads zod for it.
 */

const keyOf = <T extends Record<string, string>>(labels: T) =>
  z
    .string()
    .refine((value): value is Extract<keyof T, string> => Object.hasOwn(labels, value))
    .optional()
    .catch(undefined)

const PaymentHistorySearchSchema = z.object({
  type: keyOf(PAYMENT_TYPES),
  status: keyOf(PAYMENT_STATUS_LABELS),
  currency: z
    .string()
    .trim()
    .transform((value) => value.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{3,5}$/))
    .optional()
    .catch(undefined),
  from: optionalDay,
  to: optionalDay,
  q: optionalText(100),
  page: pageParam,
})

export function parsePaymentHistorySearch(params: URLSearchParams): PaymentHistorySearch {
  return PaymentHistorySearchSchema.parse(Object.fromEntries(params))
}
