/**
 * Where a freelancer's hourly rate sits among the hourly rates clients accepted for the same skills
 * and level (accepted hourly proposals that became contracts), as percentiles. With too few accepted
 * rates a percentile would mislead, so the page says how many there are instead.
 */
import { quantileRankSorted, quantileSorted } from 'simple-statistics'
import { MIN_BIDDERS, roundForDisplay } from '../marketplace/price-privacy'

/** Below this many accepted rates no position is given (the same floor as "medium confidence" prices). */
export const MIN_ACCEPTED_RATES = 10

type Spread = { p25: number; median: number; p75: number }

export type RatePosition =
  | { kind: 'no-rate' | 'no-skills' }
  | { kind: 'too-few'; n: number; freelancers: number; currency: string }
  | ({ kind: 'placed'; n: number; currency: string; rateMinor: number; percentile: number } & Spread)

/**
 * Accepted rates are private to the two sides of each contract, so as with price suggestions a
 * position (and the quartiles beside it, rounded like theirs) is given only from rates of at least
 * MIN_BIDDERS different freelancers (`freelancers`, the viewer's own contracts left out), so that
 * no figure is one person's price.
 */
export function ratePosition(input: {
  rateMinor: number | null
  currency: string
  skills: readonly string[]
  acceptedRates: readonly number[]
  freelancers: number
}): RatePosition {
  if (!input.skills.length) return { kind: 'no-skills' }
  if (!input.rateMinor) return { kind: 'no-rate' }
  const sorted = input.acceptedRates.filter((rate) => Number.isSafeInteger(rate) && rate > 0).sort((a, b) => a - b)
  if (sorted.length < MIN_ACCEPTED_RATES || input.freelancers < MIN_BIDDERS)
    return { kind: 'too-few', n: sorted.length, freelancers: input.freelancers, currency: input.currency }
  return {
    kind: 'placed',
    n: sorted.length,
    currency: input.currency,
    rateMinor: input.rateMinor,
    // The share of accepted rates at or below this one, as a whole percent.
    percentile: Math.round(quantileRankSorted(sorted, input.rateMinor) * 100),
    p25: roundForDisplay(Math.round(quantileSorted(sorted, 0.25))),
    median: roundForDisplay(Math.round(quantileSorted(sorted, 0.5))),
    p75: roundForDisplay(Math.round(quantileSorted(sorted, 0.75))),
  }
}
