/**
 * Exact money arithmetic on integer minor units with BigInt: no floats anywhere, so 18-decimal ETH
 * amounts and 0- or 3-digit fiat convert without drift. Pure and browser-safe.
 */
import { AMOUNT_PATTERN } from '~/domain/amount-format'

const DECIMAL = /^(\d+)(?:\.(\d*))?$|^\.(\d+)$/

/** A positive decimal rate such as "1.0834", "0.000016" or "1.2e-5" as an integer over a power of ten. */
function parseRate(rate: string): { units: bigint; scale: number } {
  const match = /^(\d+(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?$/i.exec(rate.trim())
  if (!match) throw new RangeError(`Not a decimal rate: "${rate}"`)
  const [whole = '', fraction = ''] = (match[1] ?? '').split('.')
  const exponent = Number(match[2] ?? '0')
  let units = BigInt((whole || '0') + fraction)
  let scale = fraction.length - exponent
  if (scale < 0) {
    units *= 10n ** BigInt(-scale)
    scale = 0
  }
  if (units === 0n) throw new RangeError(`A rate must be above zero: "${rate}"`)
  return { units, scale }
}

/** numerator / denominator rounded half up (half away from zero for negatives). */
function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n
  const n = numerator < 0n ? -numerator : numerator
  const d = denominator < 0n ? -denominator : denominator
  const quotient = n / d
  const rounded = (n % d) * 2n >= d ? quotient + 1n : quotient
  return negative ? -rounded : rounded
}

/**
 * Converts an amount in minor units of one currency to minor units of another.
 * `rate` is how many units of the target currency one unit of the source buys ("quote per 1 base").
 * Example: 100.00 USD (10000n, 2 digits) at "0.92" → 9200n EUR cents.
 */
export function convertMinor(amountMinor: bigint, fromDigits: number, toDigits: number, rate: string): bigint {
  const { units, scale } = parseRate(rate)
  const numerator = amountMinor * units * 10n ** BigInt(toDigits)
  const denominator = 10n ** BigInt(fromDigits + scale)
  return divideRoundHalfUp(numerator, denominator)
}

/**
 * "45", "45.5", "1,250.75", "0.000000000000000001" → minor units as a BigInt.
 * Null when the text is not a plain non-negative amount with at most `digits` decimals.
 */
export function parseDecimalToMinor(text: string, digits: number): bigint | null {
  const typed = text.trim()
  // Commas only as thousands separators, in their place (the one amount pattern).
  if (typed.includes(',') && !AMOUNT_PATTERN.test(typed)) return null
  const cleaned = typed.replace(/,/g, '')
  if (cleaned.length === 0 || cleaned.length > 60) return null
  const match = DECIMAL.exec(cleaned)
  if (!match) return null
  const whole = match[1] ?? '0'
  const fraction = match[2] ?? match[3] ?? ''
  if (fraction.length > digits) return null
  return BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0')
}

/** Minor units back to a plain decimal with every digit: (4550n, 2) → "45.50", (-5n, 3) → "-0.005". */
export function minorToDecimal(minor: bigint, digits: number): string {
  const negative = minor < 0n
  const text = (negative ? -minor : minor).toString().padStart(digits + 1, '0')
  const whole = text.slice(0, text.length - digits)
  const fraction = text.slice(text.length - digits)
  return `${negative ? '-' : ''}${whole}${digits > 0 ? `.${fraction}` : ''}`
}

/** Digits kept in a derived (cross or inverted) rate: plenty for 18-decimal tokens. */
const RATE_SIGNIFICANT_DIGITS = 18

function decimalText(units: bigint, scale: number): string {
  const text = minorToDecimal(units, scale)
  return scale > 0 ? text.replace(/0+$/, '').replace(/\.$/, '') : text
}

/** Rounds units/10^scale to `significant` significant digits (half up), as a plain decimal string. */
function roundSignificant(numerator: bigint, denominator: bigint, significant: number): string {
  // Pick a scale so the quotient has at least `significant` digits before rounding.
  const integerDigits = (numerator / denominator).toString().length
  const leadingZeros = numerator >= denominator ? 0 : (denominator / numerator).toString().length - 1
  const scale = Math.max(0, significant - (numerator >= denominator ? integerDigits : 0) + leadingZeros)
  const units = divideRoundHalfUp(numerator * 10n ** BigInt(scale), denominator)
  return decimalText(units, scale)
}

/** a × b for two decimal rates, e.g. a crypto's USD price × USD→EUR. */
export function multiplyRates(a: string, b: string): string {
  const x = parseRate(a)
  const y = parseRate(b)
  return roundSignificant(x.units * y.units, 10n ** BigInt(x.scale + y.scale), RATE_SIGNIFICANT_DIGITS)
}

/** a ÷ b for two decimal rates, e.g. EUR→JPY ÷ EUR→USD = USD→JPY. */
export function divideRates(a: string, b: string): string {
  const x = parseRate(a)
  const y = parseRate(b)
  return roundSignificant(x.units * 10n ** BigInt(y.scale), y.units * 10n ** BigInt(x.scale), RATE_SIGNIFICANT_DIGITS)
}

/** A provider's number (JSON) as a plain decimal string: 1.2e-7 → "0.00000012". */
export function numberToRate(value: number): string {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`Not a positive rate: ${value}`)
  const { units, scale } = parseRate(String(value))
  return decimalText(units, scale)
}

/** A rate shortened for reading, to `significant` significant digits: "0.862068965517241379" → "0.86206897". */
export function roundRate(rate: string, significant = 8): string {
  const { units, scale } = parseRate(rate)
  return roundSignificant(units, 10n ** BigInt(scale), significant)
}
