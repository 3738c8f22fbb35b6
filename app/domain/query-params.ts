import * as z from 'zod'

/**
 * Fields of GET filter forms: every one optional, and a bad value is ignored (read as "no filter")
 * rather than answered with an error, since anyone can edit a query string.
 */

/** Free text, trimmed; empty reads as absent. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined)

/** A calendar day, YYYY-MM-DD. */
export const optionalDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
  .optional()
  .catch(undefined)

/** The list page, 1 when missing or bad. */
export const pageParam = z.coerce.number().int().min(1).max(10_000).catch(1)
