import * as z from 'zod'

/**
 * Fields of POST forms, built one way: text trimmed, with the message shown when it is missing, too
 * short or too long. (The fields of GET filter forms are in query-params.ts.)
 */

/** A length limit, alone or with the message shown when it is broken. */
type Limit = number | readonly [limit: number, message: string]

/** Required text, trimmed, with at least `min` and at most `max` characters. */
export function requiredText(missing: string, { min, max }: { min?: Limit; max?: Limit }) {
  let field = z.string({ error: missing }).trim()
  if (min !== undefined) field = typeof min === 'number' ? field.min(min) : field.min(min[0], min[1])
  if (max !== undefined) field = typeof max === 'number' ? field.max(max) : field.max(max[0], max[1])
  return field
}

/** A calendar day as the date input sends it, YYYY-MM-DD. */
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

/** An amount of money as typed, in major units with up to 3 decimals: "250" or "250.50". */
export const amountText = z
  .string({ error: 'Enter the amount.' })
  .trim()
  .regex(/^\d{1,9}(\.\d{1,3})?$/, 'Enter an amount like 250 or 250.50.')
