import { AMOUNT_PATTERN } from '~/domain/amount-format'
import { currencyDigits } from './format'

/**
 * The largest amount any form takes, in major units of its currency: far above any real payment
 * (999,999,999,999 Vietnamese dong is about 40 million US dollars), and small enough that its minor
 * units, with up to three decimals, stay exact integers (under 10^15 < 2^53).
 */
export const MAX_AMOUNT_MAJOR = 999_999_999_999

/**
 * The largest hourly rate, in major units: a billion dong is about 40,000 US dollars an hour. A rate
 * times the 168 hours of a week stays under 2 x 10^14 minor units, so an invoice is always exact.
 */
export const MAX_HOURLY_RATE_MAJOR = 1_000_000_000

/** A typed amount read: its integer minor units, or what is wrong with it. */
export type AmountReading = { ok: true; minor: number } | { ok: false; problem: 'format' | 'decimals' | 'too-large' }

/**
 * "45", "45.5", "1,250.75", "10,000" → integer minor units, without going through a float. Commas
 * count only as thousands separators in their place (AMOUNT_PATTERN); more decimals than `digits`
 * (the currency's) is its own problem, so the form can name the currency's limit.
 */
export function readAmount(text: string, digits: number, maxMajor = MAX_AMOUNT_MAJOR): AmountReading {
  const typed = text.trim()
  if (!AMOUNT_PATTERN.test(typed)) return { ok: false, problem: 'format' }
  const [whole = '', fraction = ''] = typed.replace(/,/g, '').split('.')
  // BigInt compares any number of digits exactly; "999,999,999,999.99" is still within 999,999,999,999's whole units.
  if (BigInt(whole) > BigInt(maxMajor)) return { ok: false, problem: 'too-large' }
  if (fraction.length > digits) return { ok: false, problem: 'decimals' }
  return { ok: true, minor: Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0') }
}

/** readAmount's minor units, or null for any amount it refuses. */
export function parseAmountToMinor(text: string, digits: number, maxMajor = MAX_AMOUNT_MAJOR): number | null {
  const reading = readAmount(text, digits, maxMajor)
  return reading.ok ? reading.minor : null
}

/** What to say about an amount with more decimals than its currency has: "USD amounts have at most 2 decimals". */
export function decimalsLimitMessage(currency: string, digits: number): string {
  if (digits === 0) return `${currency} amounts have no decimals`
  return `${currency} amounts have at most ${digits} decimal${digits === 1 ? '' : 's'}`
}

/** What to say about an amount above `maxMajor`: "Enter at most 999,999,999,999 USD". */
function amountLimitMessage(currency: string, maxMajor = MAX_AMOUNT_MAJOR): string {
  return `That amount is too large: enter at most ${maxMajor.toLocaleString('en-US')} ${currency}`
}

/**
 * What to say about an amount readAmount refused, the same on every form: the currency's decimals,
 * the largest amount (naming it), or `formatMessage` (the form's own example) for anything else.
 */
export function amountProblemMessage(
  problem: 'format' | 'decimals' | 'too-large',
  currency: string,
  formatMessage: string,
  maxMajor = MAX_AMOUNT_MAJOR,
): string {
  if (problem === 'decimals') return decimalsLimitMessage(currency, currencyDigits(currency))
  if (problem === 'too-large') return amountLimitMessage(currency, maxMajor)
  return formatMessage
}

export function minorToAmountText(minor: number, digits: number): string {
  const whole = Math.floor(minor / 10 ** digits)
  const fraction = String(minor % 10 ** digits).padStart(digits, '0')
  return digits === 0 || /^0+$/.test(fraction) ? String(whole) : `${whole}.${fraction}`
}
