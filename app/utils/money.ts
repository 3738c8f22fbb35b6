import { AMOUNT_PATTERN } from '~/domain/amount-format'

/** Digits before the decimal point an amount may have, far above any real amount. */
const MAX_WHOLE_DIGITS = 12

/** A typed amount read: its integer minor units, or what is wrong with it. */
export type AmountReading = { ok: true; minor: number } | { ok: false; problem: 'format' | 'decimals' }

/**
 * "45", "45.5", "1,250.75", "10,000" → integer minor units, without going through a float. Commas
 * count only as thousands separators in their place (AMOUNT_PATTERN); more decimals than `digits`
 * (the currency's) is its own problem, so the form can name the currency's limit.
 */
export function readAmount(text: string, digits: number): AmountReading {
  const typed = text.trim()
  if (!AMOUNT_PATTERN.test(typed)) return { ok: false, problem: 'format' }
  const [whole = '', fraction = ''] = typed.replace(/,/g, '').split('.')
  if (whole.length > MAX_WHOLE_DIGITS) return { ok: false, problem: 'format' }
  if (fraction.length > digits) return { ok: false, problem: 'decimals' }
  return { ok: true, minor: Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0') }
}

/** readAmount's minor units, or null for any amount it refuses. */
export function parseAmountToMinor(text: string, digits: number): number | null {
  const reading = readAmount(text, digits)
  return reading.ok ? reading.minor : null
}

/** What to say about an amount with more decimals than its currency has: "USD amounts have at most 2 decimals". */
export function decimalsLimitMessage(currency: string, digits: number): string {
  if (digits === 0) return `${currency} amounts have no decimals`
  return `${currency} amounts have at most ${digits} decimal${digits === 1 ? '' : 's'}`
}

export function minorToAmountText(minor: number, digits: number): string {
  const whole = Math.floor(minor / 10 ** digits)
  const fraction = String(minor % 10 ** digits).padStart(digits, '0')
  return digits === 0 || /^0+$/.test(fraction) ? String(whole) : `${whole}.${fraction}`
}
