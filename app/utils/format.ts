import { minorToDecimal } from '~/utils/money-conversion'
import { knownCryptoCode, knownCurrencyCode, knownCurrencyDigits } from '~/domain/currency-digits'
import { DAY_MS, MINUTE_MS } from '~/domain/durations'

const fractionDigitsCache = new Map<string, number>()

// Building an Intl formatter costs far more than formatting with one (a dashboard formats dozens of
// dates and amounts per render), so each locale-and-options pair is built once.
// Bounded all the same: a locale could come from a request.
const MAX_FORMATS = 500
const numberFormats = new Map<string, Intl.NumberFormat>()
const dateFormats = new Map<string, Intl.DateTimeFormat>()
// The same formatters by a shorter key, for the calls every dashboard row makes.
const moneyFormats = new Map<string, Intl.NumberFormat>()
const dayFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * How a formatted day or amount is made: at once in a browser. The server keeps the texts it made
 * (utils/kept-texts.server.ts, installed by entry.server), since Intl costs about 2 µs a call and
 * pages show the same days and amounts over and over; the keeping stays out of the browser's bundle.
 */
type TextOf = (kind: string, value: number, make: () => string) => string
let textOf: TextOf = (_kind, _value, make) => make()

export function keepFormattedTexts(keeper: TextOf): void {
  textOf = keeper
}

function remember<T>(formats: Map<string, T>, key: string, format: T): T {
  if (formats.size >= MAX_FORMATS) formats.clear()
  formats.set(key, format)
  return format
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`
  return numberFormats.get(key) ?? remember(numberFormats, key, new Intl.NumberFormat(locale, options))
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`
  return dateFormats.get(key) ?? remember(dateFormats, key, new Intl.DateTimeFormat(locale, options))
}

/**
 * Minor-unit digits of a currency: from currency-digits.ts for every fiat and crypto code the app knows
 * (JPY 0, USD 2, BHD 3, BTC 8, ETH 18), else as Intl knows them.
 */
export function currencyDigits(currency: string): number {
  const known = knownCurrencyDigits(currency)
  if (known !== undefined) return known
  let digits = fractionDigitsCache.get(currency)
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
    fractionDigitsCache.set(currency, digits)
  }
  return digits
}

/**
 * Intl formats a decimal string exactly (Intl.NumberFormat v3), so 18-digit amounts never pass
 * through a float; TypeScript's ES2022 lib only declares number | bigint.
 */
function formatDecimalText(format: Intl.NumberFormat, text: string): string {
  return format.format(text as unknown as number)
}

function toMinorBigInt(minor: number | bigint | string): bigint {
  if (typeof minor === 'bigint') return minor
  if (typeof minor === 'number') {
    if (!Number.isSafeInteger(minor)) throw new RangeError(`Not a whole number of minor units: ${minor}`)
    return BigInt(minor)
  }
  if (!/^-?\d+$/.test(minor.trim())) throw new RangeError(`Not a whole number of minor units: "${minor}"`)
  return BigInt(minor.trim())
}

/**
 * An amount in minor units for people to read, in their locale: "$45", "$45.50", "¥1,200" for fiat;
 * "0.00125 BTC", "1.5 ETH", "12 USDT" for crypto (Intl's currency style only knows 3-letter ISO codes,
 * so crypto is a plain number and the code; trailing zeros go, every digit of the amount stays).
 */
export function formatMoney(minor: number | bigint | string, currency: string, locale = 'en-US'): string {
  // Exact by value: a whole number of minor units in one currency and locale is always the same text.
  return typeof minor === 'number' && Number.isSafeInteger(minor)
    ? textOf(`${locale}\u0000${currency}`, minor, () => formatMoneyNow(minor, currency, locale))
    : formatMoneyNow(minor, currency, locale)
}

function formatMoneyNow(minor: number | bigint | string, currency: string, locale: string): string {
  const digits = currencyDigits(currency)
  const decimal = minorToDecimal(toMinorBigInt(minor), digits)
  const crypto = knownCryptoCode(currency)
  if (crypto) {
    const fraction = decimal.split('.')[1]?.replace(/0+$/, '') ?? ''
    const number = numberFormat(locale, {
      minimumFractionDigits: fraction.length,
      maximumFractionDigits: fraction.length,
    })
    return `${formatDecimalText(number, decimal)} ${crypto}`
  }
  // Whole amounts read "$45"; any cents are shown in full: "$45.50", never "$45.5".
  const shownDigits = /\.0*$/.test(decimal) || digits === 0 ? 0 : digits
  const code = knownCurrencyCode(currency) ?? currency
  // Looked up by a short key: building the options' JSON key cost more than the formatting itself.
  const key = `${locale}\u0000${code}\u0000${shownDigits}`
  const money =
    moneyFormats.get(key) ??
    remember(
      moneyFormats,
      key,
      numberFormat(locale, {
        style: 'currency',
        currency: code,
        minimumFractionDigits: shownDigits,
        maximumFractionDigits: shownDigits,
      }),
    )
  return formatDecimalText(money, decimal)
}

/** Decimals an estimate in a cryptocurrency keeps: ETH's 18 digits of an exchange-rate estimate are noise. */
const ESTIMATE_CRYPTO_DECIMALS = 8

/**
 * An estimated amount, shown after "≈": as formatMoney, but a cryptocurrency with more than 8
 * decimals is rounded (half away from zero) to 8 ("≈ 0.01315789 ETH", not 0.013157894736842105).
 */
export function formatEstimatedMoney(minor: number | bigint | string, currency: string, locale = 'en-US'): string {
  const extra = currencyDigits(currency) - ESTIMATE_CRYPTO_DECIMALS
  if (!knownCryptoCode(currency) || extra <= 0) return formatMoney(minor, currency, locale)
  const value = toMinorBigInt(minor)
  const unit = 10n ** BigInt(extra)
  const size = ((value < 0n ? -value : value) + unit / 2n) / unit
  return formatMoney((value < 0n ? -size : size) * unit, currency, locale)
}

export function formatDate(value: Date | string | number, locale = 'en-GB'): string {
  const time = typeof value === 'number' ? value : new Date(value).getTime()
  // Exact by day: the text shows a UTC day. An invalid time throws in Intl, as before, and is not kept.
  return textOf(`day\u0000${locale}`, Math.floor(time / DAY_MS), () => formatDayNow(time, locale))
}

function formatDayNow(time: number, locale: string): string {
  const format =
    dayFormats.get(locale) ??
    remember(
      dayFormats,
      locale,
      dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
    )
  // A number is a time already: Intl reads it as `new Date(value)` would, without making one.
  return format.format(time)
}

export function formatDateTime(value: Date | string | number, locale = 'en-GB'): string {
  return dateFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(new Date(value))
}

/**
 * A moment on the clock of the reader's time zone (an IANA name), naming the zone: "8 Dec 2026, 06:31
 * (Asia/Kolkata)"; in UTC exactly as formatDateTime.
 */
export function formatDateTimeIn(value: Date | string | number, timeZone: string, locale = 'en-GB'): string {
  if (timeZone === 'UTC') return formatDateTime(value, locale)
  const options = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }
  return `${dateFormat(locale, options as Intl.DateTimeFormatOptions).format(new Date(value))} (${timeZone})`
}

/** How old something is, for a rate's date: "less than a minute old", "5 minutes old", "3 hours old", "2 days old". */
export function formatAge(since: Date | string | number, now: Date = new Date()): string {
  const minutes = Math.floor((now.getTime() - new Date(since).getTime()) / MINUTE_MS)
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'} old`
  if (minutes < 1) return 'less than a minute old'
  if (minutes < 60) return plural(minutes, 'minute')
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return plural(hours, 'hour')
  return plural(Math.floor(hours / 24), 'day')
}
