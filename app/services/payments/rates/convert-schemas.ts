import * as z from 'zod'
import { requiredText } from '~/domain/form-fields'
import { parseDecimalToMinor } from '../../../utils/money-conversion'
import { findCurrency } from '../../../domain/currencies'

const currencyCode = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .refine((code) => Boolean(findCurrency(code)), message)
    .transform((code) => findCurrency(code)!.code)

/** Why the amount text cannot be an amount of `currency`, or null when it can. */
export function amountProblem(text: string, currency: string): string | null {
  const digits = findCurrency(currency)?.digits ?? 2
  if (!/^[\d,]*\.?\d*$/.test(text) || !/\d/.test(text)) {
    return `“${text}” is not an amount: use digits and at most one decimal point, e.g. 100 or 99.95`
  }
  if (parseDecimalToMinor(text, digits) !== null) return null
  const fraction = text.split('.')[1] ?? ''
  if (fraction.length > digits) {
    return digits === 0
      ? `${currency} has no decimal places: enter a whole amount`
      : `${currency} has ${digits} decimal place${digits === 1 ? '' : 's'}: “${text}” has ${fraction.length}`
  }
  return `“${text}” is not an amount: use digits and at most one decimal point, e.g. 100 or 99.95`
}

/** The /convert GET form: amount, from, to, and the currency search that narrows both lists. */
export const ConvertSchema = z
  .object({
    amount: requiredText('Enter an amount, e.g. 100', { max: [40, 'That amount is too long'] }),
    from: currencyCode('Choose the currency you have from the list'),
    to: currencyCode('Choose the currency you want from the list'),
    q: z.string().trim().max(60, 'Search with at most 60 characters').optional(),
  })
  .superRefine((value, ctx) => {
    if (!value.amount) return ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Enter an amount, e.g. 100' })
    const problem = amountProblem(value.amount, value.from)
    if (problem) ctx.addIssue({ code: 'custom', path: ['amount'], message: problem })
  })
