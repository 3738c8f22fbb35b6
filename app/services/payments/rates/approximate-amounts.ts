import { findCurrency } from '~/domain/currencies'
import { formatDate, formatEstimatedMoney, currencyDigits } from '~/utils/format'
import { convertMinor, divideRates, roundRate } from '~/utils/money-conversion'
import { snapshotFiatCodes } from './snapshot'

/**
 * Approximate figures beside real money: a member who is paid in US dollars but thinks in euros sees
 * "≈ €1,234.56" next to "$1,340.00". Display only: the money stays in the currency it is held in,
 * nothing here is ever stored, charged or exported. Pure (the rates are read by approximations.server.ts).
 */

/** An amount in minor units of its currency, as the pages hold it. */
type MoneyAmount = { minor: number | bigint | string; currency: string }

/** The rate a figure is made at: 1 `base` = `rate` `quote`, as of `asOf`, from `source`. */
export type ApproximationRate = {
  base: string
  quote: string
  rate: string
  asOf: Date
  source: 'ecb' | 'coingecko' | 'snapshot'
}

/** A figure to show beside the real one, and the rates it was made at (for a title or footnote). */
export type Approximate = { text: string; rates: string }

/** What a page asks for its figures. `note` is the page's footnote: what "≈" means and at what rates. */
export type Approximator = {
  /** "≈ €1,234.56" for these amounts together; null without a preference, with nothing to convert, or without a rate. */
  of(...amounts: MoneyAmount[]): Approximate | null
  /** The footnote for the figures made so far, or null when none was. */
  note(): string | null
}

/** The currencies people most often think in, first in the list; the others follow by code. */
const COMMON = ['USD', 'EUR', 'GBP', 'INR', 'PKR', 'NGN', 'CAD', 'AUD', 'JPY', 'CHF', 'BRL']

/**
 * The currencies a member may choose: every fiat currency the shipped rates price (so a choice
 * always has a rate against US dollars and euros), the common ones first.
 */
export const DISPLAY_CURRENCY_CODES: readonly [string, ...string[]] = (() => {
  const priced = snapshotFiatCodes()
  const rest = priced.filter((code) => !COMMON.includes(code)).sort()
  return [...COMMON.filter((code) => priced.includes(code)), ...rest] as [string, ...string[]]
})()

/** The select's options: None, then "EUR — Euro" for each currency. */
export function displayCurrencyOptions(): { value: string; label: string }[] {
  return [
    { value: 'none', label: 'None — show only the real amounts' },
    ...DISPLAY_CURRENCY_CODES.map((code) => ({ value: code, label: `${code} — ${findCurrency(code)?.name ?? code}` })),
  ]
}

const SOURCE_NAMES: Record<ApproximationRate['source'], string> = {
  ecb: 'ECB rate',
  coingecko: 'CoinGecko price',
  snapshot: 'MegiLance’s built-in rate',
}

/**
 * "1 USD = 0.952381 EUR, ECB rate of 7 Dec 2026": six significant digits; a rate under 0.01 reads
 * the other way round ("1 EUR = 26,595.7 VND" rather than "1 VND = 0.0000376 EUR").
 */
export function describeRate(rate: ApproximationRate): string {
  const flipped = Number(rate.rate) < 0.01
  const [one, other] = flipped ? [rate.quote, rate.base] : [rate.base, rate.quote]
  const figure = roundRate(flipped ? divideRates('1', rate.rate) : rate.rate, 6)
  return `1 ${one} = ${figure} ${other}, ${SOURCE_NAMES[rate.source]} of ${formatDate(rate.asOf)}`
}

function toBigInt(minor: MoneyAmount['minor']): bigint {
  return typeof minor === 'bigint' ? minor : BigInt(minor)
}

/**
 * The approximator for a page: `target` is the member's chosen currency (null: none), `rates` the
 * rate from each currency the page shows into it. A figure whose currency has no rate shows nothing.
 */
export function makeApproximator(target: string | null, rates: ReadonlyMap<string, ApproximationRate>): Approximator {
  const used = new Map<string, ApproximationRate>()
  return {
    of(...amounts) {
      // Nothing to convert: no preference, only the chosen currency, or nothing at all ("$0" needs no "≈ €0").
      if (!target || amounts.every((amount) => amount.currency === target || toBigInt(amount.minor) === 0n)) return null
      let total = 0n
      const behind: ApproximationRate[] = []
      for (const amount of amounts) {
        if (amount.currency === target) {
          total += toBigInt(amount.minor)
          continue
        }
        const rate = rates.get(amount.currency)
        if (!rate) return null
        total += convertMinor(
          toBigInt(amount.minor),
          currencyDigits(amount.currency),
          currencyDigits(target),
          rate.rate,
        )
        if (!behind.includes(rate)) behind.push(rate)
      }
      for (const rate of behind) used.set(rate.base, rate)
      const magnitude = total < 0n ? -total : total
      return {
        text: `≈ ${total < 0n ? '−' : ''}${formatEstimatedMoney(magnitude, target)}`,
        rates: `at ${behind.map(describeRate).join('; ')}`,
      }
    },
    note() {
      if (!target || used.size === 0) return null
      const name = findCurrency(target)?.name ?? target
      const rates = [...used.values()].map(describeRate).join('; ')
      return `≈ marks an approximate amount in ${name} (${target}), at ${rates}. Your money stays in the currency it is held in; choose the currency, or none, in Settings → Appearance.`
    },
  }
}
