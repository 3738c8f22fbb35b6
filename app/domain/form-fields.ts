import * as z from 'zod'
import { AMOUNT_PATTERN } from './amount-format'
import { isOneLine } from './one-line'
import {
  isStaffLikeCompany,
  isStaffLikeHeadline,
  isStaffLikeName,
  STAFF_COMPANY_MESSAGE,
  STAFF_HEADLINE_MESSAGE,
  STAFF_NAME_MESSAGE,
} from './staff-lookalike'

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

/**
 * A one-line field (a name, a title): refused when it holds a line break, another control character
 * or a direction override (domain/one-line.ts), which would let it forge the text around it.
 */
export function oneLine(
  field: z.ZodString,
  message = 'Keep it on one line, without line breaks or control characters',
) {
  return field.refine(isOneLine, message)
}

/**
 * A member's name (or, `headline`, their headline; `company`, a client's company): refused when it
 * reads like MegiLance staff or holds a web or email address (domain/staff-lookalike.ts), as
 * scammers' names do. Admins' names are not held to it.
 */
export function notLikeStaff(field: z.ZodString, what: 'name' | 'headline' | 'company' = 'name') {
  if (what === 'company') return field.refine((value) => !isStaffLikeCompany(value), STAFF_COMPANY_MESSAGE)
  return what === 'name'
    ? field.refine((value) => !isStaffLikeName(value), STAFF_NAME_MESSAGE)
    : field.refine((value) => !isStaffLikeHeadline(value), STAFF_HEADLINE_MESSAGE)
}

/** "5,000": a length as the messages write it. */
function count(characters: number): string {
  return characters.toLocaleString('en-US')
}

/** The full stop that ends `message`, or nothing. */
function stopOf(message: string): string {
  return message.endsWith('.') ? '.' : ''
}

/** Too short: the missing message again with "(at least N characters)" before its full stop, if any. */
export function tooShort(missing: string, min: number): string {
  const stop = stopOf(missing)
  return `${stop ? missing.slice(0, -1) : missing} (at least ${count(min)} characters)${stop}`
}

/**
 * Required text in the app's usual words. Missing: `missing`. Too short: see tooShort. Too long: "Keep
 * `what` under N characters", with the full stop of `missing`.
 */
export function describedText(missing: string, [min, max]: readonly [number, number], what = 'it') {
  return requiredText(missing, {
    min: [min, tooShort(missing, min)],
    max: [max, `Keep ${what} under ${count(max)} characters${stopOf(missing)}`],
  })
}

/** The reason an admin gives for hiding or blocking something, shown to `whom` ("the user"). */
export function reasonShownTo(whom: string) {
  return requiredText(`Give the reason ${whom} will see`, {
    min: [10, 'Explain the reason in at least 10 characters'],
    max: [500, 'Use at most 500 characters'],
  })
}

/** An email address as typed: trimmed, and at most 254 characters, the longest an address can be. */
export function emailText(missing: string, invalid: string, tooLong = 'That email address is too long') {
  return z.string({ error: missing }).trim().max(254, tooLong).pipe(z.email(invalid))
}

/** A calendar day as the date input sends it, YYYY-MM-DD. */
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * An amount of money as typed, in major units: "250", "250.50" or "10,000" (AMOUNT_PATTERN). The
 * currency's decimals are checked where the currency is known (utils/money.ts readAmount).
 */
export const amountText = z
  .string({ error: 'Enter the amount.' })
  .trim()
  // Long enough for any amount with its decimals: a longer run of digits is read, and refused as too large.
  .max(64, 'Enter an amount like 250 or 250.50.')
  .regex(AMOUNT_PATTERN, 'Enter an amount like 250 or 250.50.')
