import { DAY_MS } from '~/domain/durations'
import { REVIEW_MINIMUM_PAID_USD } from '~/domain/paid-work'
import type { FreelancerRecord } from '~/domain/freelancer-facts'
import { RATING_PRIOR, smoothedRating } from '~/domain/smoothed-rating'
/**
 * The freelancer rank (job-success score): a published formula, the same for everyone, from a few
 * named factors. Each factor turns the freelancer's own record into a share between 0 and 1; the
 * share times the factor's weight gives its points; the points add up to a score out of 100.
 *
 * Small records are smoothed towards a neutral starting value (a "Bayesian" average), so one
 * review or one contract can neither make nor break a newcomer. The more history, the less the
 * starting value counts. Pure functions only: the numbers come from app/models/rank.server.ts.
 */

/** What the formula needs to know about one freelancer. */
export type RankInputs = FreelancerRecord & {
  /** Profile completeness, 0–100 (profile-completeness.ts). */
  profilePercent: number
}

type RankFactorKey = 'rating' | 'jobSuccess' | 'onTime' | 'profile' | 'activity'

export type RankFactorDefinition = {
  key: RankFactorKey
  label: string
  /** Points this factor can give at most; the weights add up to 100. */
  weight: number
  /** The rule in plain words, as published on /rank. */
  explanation: string
}

/** Job-success and on-time smoothing: as if they had this many outcomes at this share. */
const OUTCOME_PRIOR = { count: 2, share: 0.8 } as const
/** Activity counts fully for this many days, then fades to nothing at the second number. */
const ACTIVITY_DAYS = { full: 30, none: 180 } as const

export const RANK_FACTORS: readonly RankFactorDefinition[] = [
  {
    key: 'rating',
    label: 'Average rating',
    weight: 35,
    explanation: `The mean of the overall ratings clients gave you (1 to 5 stars), counting only reviews that are already visible. Everyone starts as if they had ${RATING_PRIOR.reviews} reviews of ${RATING_PRIOR.rating} stars, so a single review moves the score only a little. 1 star gives no points, 5 stars gives all of them.`,
  },
  {
    key: 'jobSuccess',
    label: 'Job success',
    weight: 30,
    explanation: `Of your ended contracts, the share that paid you at least US$${REVIEW_MINIMUM_PAID_USD} for work (released milestones and paid invoices, in the contract’s currency at the day’s rate; the same minimum that opens reviews), minus disputes decided against you (a refund counts as one, a split as half). Everyone starts as if they had ${OUTCOME_PRIOR.count} contracts at ${OUTCOME_PRIOR.share * 100}%.`,
  },
  {
    key: 'onTime',
    label: 'On-time delivery',
    weight: 15,
    explanation: `Of your milestones with a due date that are due or delivered, the share you submitted by the end of the due day. Everyone starts as if they had ${OUTCOME_PRIOR.count} milestones at ${OUTCOME_PRIOR.share * 100}%.`,
  },
  {
    key: 'profile',
    label: 'Profile completeness',
    weight: 10,
    explanation:
      'How complete your profile is: headline, a bio of at least 100 characters, an hourly rate and at least three skills.',
  },
  {
    key: 'activity',
    label: 'Recent activity',
    weight: 10,
    explanation: `Full points if you were active (a proposal, a contract step or a profile change) in the last ${ACTIVITY_DAYS.full} days, fading evenly to none after ${ACTIVITY_DAYS.none} days.`,
  },
]

type RankFactorResult = RankFactorDefinition & {
  /** The freelancer's value in words, e.g. "4.6 stars from 3 reviews". */
  value: string
  /** The share 0–1 the factor computed. */
  share: number
  /** weight × share, rounded to one decimal. */
  points: number
}

export type RankResult = { score: number; factors: RankFactorResult[] }

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x))
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

// The rating smoothing lives in the domain, where the talent search reads it too.
export { smoothedRating }

/** A share smoothed towards the outcome prior. */
export function smoothedShare(successes: number, total: number): number {
  return clamp01((successes + OUTCOME_PRIOR.count * OUTCOME_PRIOR.share) / (total + OUTCOME_PRIOR.count))
}

export function activityShare(lastActiveAt: Date | null, now: Date): number {
  if (!lastActiveAt) return 0
  const days = (now.getTime() - lastActiveAt.getTime()) / DAY_MS
  if (days <= ACTIVITY_DAYS.full) return 1
  return clamp01((ACTIVITY_DAYS.none - days) / (ACTIVITY_DAYS.none - ACTIVITY_DAYS.full))
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`
}

/** The score and each factor's value and points. */
export function computeRank(inputs: RankInputs, now = new Date()): RankResult {
  const rating = smoothedRating(inputs.reviewCount, inputs.averageRating)
  const shares: Record<RankFactorKey, { share: number; value: string }> = {
    rating: {
      share: clamp01((rating - 1) / 4),
      value:
        inputs.reviewCount && inputs.averageRating !== null
          ? `${inputs.averageRating.toFixed(1)} stars from ${plural(inputs.reviewCount, 'review')} (smoothed ${rating.toFixed(2)})`
          : `No visible reviews yet (starting value ${rating.toFixed(2)})`,
    },
    jobSuccess: (() => {
      const share = smoothedShare(inputs.paidContracts - inputs.disputesLost, inputs.endedContracts)
      const lost = inputs.disputesLost ? `, ${inputs.disputesLost} disputes lost` : ''
      return {
        share,
        value: inputs.endedContracts
          ? `${inputs.paidContracts} of ${plural(inputs.endedContracts, 'ended contract')} paid US$${REVIEW_MINIMUM_PAID_USD} or more${lost} (smoothed ${percent(share)})`
          : `No ended contracts yet (starting value ${percent(share)})`,
      }
    })(),
    onTime: (() => {
      const share = smoothedShare(inputs.milestonesOnTime, inputs.milestonesDue)
      return {
        share,
        value: inputs.milestonesDue
          ? `${inputs.milestonesOnTime} of ${plural(inputs.milestonesDue, 'milestone')} on time (smoothed ${percent(share)})`
          : `No milestones due yet (starting value ${percent(share)})`,
      }
    })(),
    profile: { share: clamp01(inputs.profilePercent / 100), value: `${Math.round(inputs.profilePercent)}% complete` },
    activity: (() => {
      const share = activityShare(inputs.lastActiveAt, now)
      if (!inputs.lastActiveAt) return { share, value: 'No activity yet' }
      const days = Math.max(0, Math.floor((now.getTime() - inputs.lastActiveAt.getTime()) / DAY_MS))
      return { share, value: days === 0 ? 'Active today' : `Last active ${plural(days, 'day')} ago` }
    })(),
  }
  const factors = RANK_FACTORS.map((factor) => {
    const { share, value } = shares[factor.key]
    return { ...factor, share, value, points: Math.round(factor.weight * share * 10) / 10 }
  })
  const score = Math.round(factors.reduce((sum, factor) => sum + factor.weight * factor.share, 0))
  return { score, factors }
}
