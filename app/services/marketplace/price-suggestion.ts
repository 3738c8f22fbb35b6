import * as z from 'zod'
import { BUDGET_TYPES, EXPERIENCE_LEVELS } from '~/domain/enums'
import { MIN_BIDDERS, roundForDisplay } from './price-privacy'

/*
 * What similar work costs on MegiLance: quartiles of accepted bids and of freelancers' hourly
 * rates, a suggested range and how far to trust it. Pure arithmetic on integer minor units.
 */

export type Quartiles = { n: number; p25: number; median: number; p75: number }
export type Confidence = 'none' | 'low' | 'medium' | 'high'

/** Sample sizes behind each confidence: under 10 is low, under 30 medium, 30 or more high. */
const CONFIDENCE_THRESHOLDS = { medium: 10, high: 30 } as const

function roundQuartiles(data: Quartiles | null): Quartiles | null {
  return (
    data && {
      ...data,
      p25: roundForDisplay(data.p25),
      median: roundForDisplay(data.median),
      p75: roundForDisplay(data.p75),
    }
  )
}

/**
 * The p-th quantile (0–1) of sorted values by linear interpolation between closest ranks (the
 * common "type 7" definition used by spreadsheets), rounded to a whole minor unit.
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (!sorted.length) throw new RangeError('No values')
  if (p < 0 || p > 1) throw new RangeError(`Not a quantile: ${p}`)
  const position = (sorted.length - 1) * p
  const below = Math.floor(position)
  const above = Math.ceil(position)
  const low = sorted[below]!
  const high = sorted[above]!
  return Math.round(low + (high - low) * (position - below))
}

export function quartiles(values: readonly number[]): Quartiles | null {
  const clean = values.filter((value) => Number.isSafeInteger(value) && value > 0)
  if (!clean.length) return null
  const sorted = [...clean].sort((a, b) => a - b)
  return { n: sorted.length, p25: quantile(sorted, 0.25), median: quantile(sorted, 0.5), p75: quantile(sorted, 0.75) }
}

export function confidenceFor(n: number): Confidence {
  if (n <= 0) return 'none'
  if (n < CONFIDENCE_THRESHOLDS.medium) return 'low'
  if (n < CONFIDENCE_THRESHOLDS.high) return 'medium'
  return 'high'
}

export type PriceSuggestion = {
  budgetType: 'fixed' | 'hourly'
  currency: string
  /**
   * Accepted bids of the same type (fixed prices, or hourly rates) on similar projects, rounded;
   * null when there are none or too few (`acceptedBidsWithheld`).
   */
  acceptedBids: Quartiles | null
  /** Matching accepted bids left out because they come from fewer than MIN_BIDDERS freelancers. */
  acceptedBidsWithheld: number
  /** Hourly rates freelancers with these skills and level ask on their profiles. */
  freelancerRates: Quartiles | null
  /** The interquartile range of the sample the suggestion rests on; null without data. */
  suggested: { lowMinor: number; highMinor: number } | null
  /** How many data points the suggestion rests on, and so how much to trust it. */
  basedOn: number
  confidence: Confidence
  /** Data points that matched but are in another currency, so were left out. */
  otherCurrencyCount: number
}

/**
 * A fixed price rests on accepted fixed bids only (rates say nothing about a whole project's
 * price). An hourly rate rests on accepted hourly bids and profile rates together. Accepted bids
 * from fewer than MIN_BIDDERS freelancers (`bidders`) are left out of both, and the range is rounded.
 */
export function suggestPrice(input: {
  budgetType: 'fixed' | 'hourly'
  currency: string
  acceptedBids: readonly number[]
  /** How many different freelancers made those bids. */
  bidders: number
  freelancerRates: readonly number[]
  otherCurrencyCount?: number
}): PriceSuggestion {
  const enoughBidders = input.bidders >= MIN_BIDDERS
  const bids = enoughBidders ? input.acceptedBids : []
  const freelancerRates = input.budgetType === 'hourly' ? quartiles(input.freelancerRates) : null
  const basis = input.budgetType === 'fixed' ? quartiles(bids) : quartiles([...bids, ...input.freelancerRates])
  return {
    budgetType: input.budgetType,
    currency: input.currency,
    acceptedBids: roundQuartiles(quartiles(bids)),
    acceptedBidsWithheld: enoughBidders ? 0 : (quartiles(input.acceptedBids)?.n ?? 0),
    freelancerRates,
    suggested: basis ? { lowMinor: roundForDisplay(basis.p25), highMinor: roundForDisplay(basis.p75) } : null,
    basedOn: basis?.n ?? 0,
    confidence: confidenceFor(basis?.n ?? 0),
    otherCurrencyCount: input.otherCurrencyCount ?? 0,
  }
}

/**
 * The fields a price suggestion reads from the post-a-project form; lenient, because the client
 * may ask before the rest of the form is filled in.
 */
export const PriceQuerySchema = z.object({
  skills: z.string().max(1000).optional().catch(undefined),
  experienceLevel: z.enum(EXPERIENCE_LEVELS).catch('intermediate'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .catch('USD'),
  budgetType: z.enum(BUDGET_TYPES).catch('fixed'),
})
export type PriceQueryValue = z.infer<typeof PriceQuerySchema>
