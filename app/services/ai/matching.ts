/**
 * The published matching formula (shown on /help/matching, as the rank formula is on /rank). Ten
 * factors each turn facts about a freelancer and a project into a share between 0 and 1 and a few
 * words; the share times the factor's weight gives its points, and the points add up to a match out
 * of 100. The same score orders "Recommended freelancers" on a project and "Recommended projects"
 * for a freelancer. Pure functions: the facts come from app/models/matching.server.ts.
 */
import { DAY_MS } from '~/domain/durations'
import { REVIEW_MINIMUM_PAID_USD } from '~/domain/paid-work'
import type { Availability, ExperienceLevel } from '~/domain/enums'
import type { FreelancerRecord } from '~/domain/freelancer-facts'
import { smoothedRating, smoothedShare } from '~/services/marketplace/rank'

export type MatchFactorKey =
  | 'skills'
  | 'level'
  | 'rate'
  | 'jobSuccess'
  | 'rating'
  | 'onTime'
  | 'availability'
  | 'timeZone'
  | 'languages'
  | 'activity'

/** The freelancer's record (as the rank formula counts it) and how they compare with the project. */
export type MatchFacts = FreelancerRecord & {
  /** For each of the project's skills, the best similarity (0–1) of one of the freelancer's skills; 1 when they have it. */
  skillMatches: number[]
  projectLevel: ExperienceLevel
  freelancerLevel: ExperienceLevel
  budgetType: 'fixed' | 'hourly'
  budgetMinMinor: number
  budgetMaxMinor: number
  /** The freelancer's hourly rate in the project's currency, or null when not set (or another currency). */
  hourlyRateMinor: number | null
  availability: Availability
  /** Hours of overlap of the two working days (9:00–17:00 local), or null when a time zone is unknown. */
  overlapHours: number | null
  /** When `overlapHours` is null: whose time zone is not set, so the breakdown can say what is missing. */
  unsetTimeZone?: 'client' | 'freelancer' | 'both'
  freelancerLanguages: string[]
}

type Definition = { key: MatchFactorKey; label: string; weight: number; explanation: string }

/** The default weights (they add up to 100). */
export const MATCH_FACTORS: readonly Definition[] = [
  {
    key: 'skills',
    label: 'Skill match',
    weight: 30,
    explanation:
      'For each skill the project asks for: 1 when the freelancer lists it, else the similarity in meaning of their closest skill of the same category (word vectors, at most 0.9; below 0.55 counts as 0). The mean over the project’s skills. With a skill match of 0 nobody is recommended.',
  },
  {
    key: 'level',
    label: 'Experience level',
    weight: 8,
    explanation: 'The same level as the project asks for gives all points, one level apart half, two levels none.',
  },
  {
    key: 'rate',
    label: 'Rate against budget',
    weight: 12,
    explanation:
      'Hourly projects: all points when the hourly rate is within the range, fading to none at twice the top of it. Fixed-price projects and freelancers without a rate get half.',
  },
  {
    key: 'jobSuccess',
    label: 'Job success',
    weight: 10,
    explanation: `As in the rank: the share of ended contracts that paid at least US$${REVIEW_MINIMUM_PAID_USD} for work, minus disputes lost, from a starting value of 80%.`,
  },
  {
    key: 'rating',
    label: 'Rating',
    weight: 10,
    explanation: 'As in the rank: visible reviews only, smoothed from a start of five reviews of 4 stars.',
  },
  {
    key: 'onTime',
    label: 'On-time delivery',
    weight: 6,
    explanation: 'As in the rank: milestones submitted by their due day, from a starting value of 80%.',
  },
  {
    key: 'availability',
    label: 'Availability',
    weight: 6,
    explanation: 'Full time gives all points, part time 60%, not available none.',
  },
  {
    key: 'timeZone',
    label: 'Time-zone overlap',
    weight: 6,
    explanation:
      'Hours the two working days (9:00–17:00 in each time zone) overlap, out of 8. Half when either time zone is unknown.',
  },
  {
    key: 'languages',
    label: 'Shared languages',
    weight: 4,
    explanation:
      'Projects are written in English: all points when the freelancer lists English, half when they list no languages.',
  },
  {
    key: 'activity',
    label: 'Recent activity',
    weight: 8,
    explanation: 'All points when active in the last 14 days, fading to none after 90 days.',
  },
]

/**
 * Cold start: freelancers with fewer ended contracts than this are newcomers. Their history factors
 * start from the rank's neutral values (not from zero), and one of the ten recommendations is kept
 * for the best newcomer whose skill match is at least half.
 */
export const NEWCOMER_CONTRACTS = 3
export const NEWCOMER_MIN_SKILL_SHARE = 0.5

type MatchFactor = Definition & { share: number; points: number; words: string }
export type Match = { score: number; factors: MatchFactor[]; summary: string; newcomer: boolean }

const LEVEL_ORDER: Record<ExperienceLevel, number> = { entry: 0, intermediate: 1, expert: 2 }
const clamp01 = (x: number) => Math.min(1, Math.max(0, x))

function skillsShare(matches: number[]): { share: number; words: string } {
  if (!matches.length) return { share: 0, words: 'no skills to compare' }
  const held = matches.filter((m) => m >= 0.999).length
  const similar = matches.filter((m) => m > 0 && m < 0.999).length
  return {
    share: matches.reduce((a, b) => a + b, 0) / matches.length,
    words: `${held} of ${matches.length} skill${matches.length === 1 ? '' : 's'}${similar ? `, ${similar} similar` : ''}`,
  }
}

function rateShare(f: MatchFacts): { share: number; words: string } {
  if (f.budgetType === 'fixed') return { share: 0.5, words: 'fixed price' }
  if (f.hourlyRateMinor === null) return { share: 0.5, words: 'no rate given' }
  if (f.hourlyRateMinor <= f.budgetMaxMinor) return { share: 1, words: 'rate within budget' }
  const over = (f.hourlyRateMinor - f.budgetMaxMinor) / Math.max(1, f.budgetMaxMinor)
  return { share: clamp01(1 - over), words: `rate ${Math.round(over * 100)}% over budget` }
}

function activityShare(lastActiveAt: Date | null, now: Date): number {
  if (!lastActiveAt) return 0
  const days = (now.getTime() - lastActiveAt.getTime()) / DAY_MS
  return days <= 14 ? 1 : clamp01((90 - days) / (90 - 14))
}

// Said in the breakdown only (the summary leaves the time zone out when there is no overlap to tell).
const UNSET_TIME_ZONE_WORDS = {
  client: 'the client has not set a time zone, so half',
  freelancer: 'the freelancer has not set a time zone, so half',
  both: 'neither side has set a time zone, so half',
} as const

/** Each factor's share and words, without weights (the fitted model uses the shares as its inputs). */
export function matchShares(f: MatchFacts, now = new Date()): Record<MatchFactorKey, { share: number; words: string }> {
  const levelGap = Math.abs(LEVEL_ORDER[f.projectLevel] - LEVEL_ORDER[f.freelancerLevel])
  const success = smoothedShare(f.paidContracts - f.disputesLost, f.endedContracts)
  const rating = smoothedRating(f.reviewCount, f.averageRating)
  const onTime = smoothedShare(f.milestonesOnTime, f.milestonesDue)
  const english = f.freelancerLanguages.some((l) => /^english$/i.test(l.trim()))
  return {
    skills: skillsShare(f.skillMatches),
    level: {
      share: [1, 0.5, 0][levelGap]!,
      words: levelGap ? `${f.freelancerLevel} for ${f.projectLevel}` : 'level fits',
    },
    rate: rateShare(f),
    jobSuccess: {
      share: success,
      words: f.endedContracts ? `${Math.round(success * 100)}% job success` : 'no contracts yet',
    },
    rating: {
      share: clamp01((rating - 1) / 4),
      words: f.reviewCount && f.averageRating !== null ? `${f.averageRating.toFixed(1)} stars` : 'no reviews yet',
    },
    onTime: { share: onTime, words: f.milestonesDue ? `${Math.round(onTime * 100)}% on time` : 'no deadlines yet' },
    availability: {
      share: { full_time: 1, part_time: 0.6, not_available: 0 }[f.availability],
      words: { full_time: 'full time', part_time: 'part time', not_available: 'not available' }[f.availability],
    },
    timeZone:
      f.overlapHours === null
        ? { share: 0.5, words: UNSET_TIME_ZONE_WORDS[f.unsetTimeZone ?? 'both'] }
        : { share: clamp01(f.overlapHours / 8), words: `${Math.round(f.overlapHours)} h overlap` },
    languages: english
      ? { share: 1, words: 'speaks English' }
      : f.freelancerLanguages.length
        ? { share: 0, words: 'no shared language' }
        : { share: 0.5, words: 'languages not given' },
    activity: {
      share: activityShare(f.lastActiveAt, now),
      words: f.lastActiveAt
        ? `active ${Math.max(0, Math.floor((now.getTime() - f.lastActiveAt.getTime()) / DAY_MS))} days ago`
        : 'no activity yet',
    },
  }
}

/** The match out of 100 with its breakdown; `weights` default to the published ones. */
export function scoreMatch(
  f: MatchFacts,
  now = new Date(),
  weights: Partial<Record<MatchFactorKey, number>> = {},
): Match {
  const shares = matchShares(f, now)
  const factors = MATCH_FACTORS.map((d) => {
    const weight = weights[d.key] ?? d.weight
    const { share, words } = shares[d.key]
    // Written out rather than spread: a spread here cost a tenth of a millisecond a match.
    return {
      key: d.key,
      label: d.label,
      explanation: d.explanation,
      weight,
      share,
      words,
      points: Math.round(weight * share * 10) / 10,
    }
  })
  const total = factors.reduce((sum, x) => sum + x.weight, 0) || 1
  const score = Math.round((100 * factors.reduce((sum, x) => sum + x.weight * x.share, 0)) / total)
  // The words people read first: skills, rate and the hours of overlap (left out when a time zone is not set:
  // a summary line has no room to say whose, and "unknown" tells a member nothing).
  const leadKeys: MatchFactorKey[] = f.overlapHours === null ? ['skills', 'rate'] : ['skills', 'rate', 'timeZone']
  const lead = leadKeys.map((key) => shares[key].words)
  return { score, factors, summary: lead.join(' · '), newcomer: f.endedContracts < NEWCOMER_CONTRACTS }
}

/**
 * Someone with none of the project's skills and nothing similar (a skill match of 0) is never
 * recommended, however well the other factors score: the other nine say how good a hire would be,
 * not whether the work is theirs.
 */
export function isRecommendable(match: Match): boolean {
  return skillShareOf(match) > 0
}

function skillShareOf(match: Match): number {
  return match.factors.find((f) => f.key === 'skills')?.share ?? 0
}

/**
 * Best match first; of equal scores (whole points), the better skill match: a designer holding three
 * of a project's four skills (0.90) before one holding two of three (0.89), both 76 points.
 */
export function byMatch(a: { match: Match }, b: { match: Match }): number {
  return b.match.score - a.match.score || skillShareOf(b.match) - skillShareOf(a.match)
}

/**
 * The top `limit` by score (only those with some skill match), keeping one place for the best newcomer whose skill match is at least
 * half when none made the list on their own (the cold-start rule).
 */
export function pickTop<T extends { match: Match }>(scored: T[], limit = 10): T[] {
  const sorted = scored.filter((x) => isRecommendable(x.match)).sort(byMatch)
  const top = sorted.slice(0, limit)
  if (top.some((x) => x.match.newcomer) || top.length < limit) return top
  const newcomer = sorted
    .slice(limit)
    .find((x) => x.match.newcomer && skillShareOf(x.match) >= NEWCOMER_MIN_SKILL_SHARE)
  return newcomer ? [...top.slice(0, limit - 1), newcomer] : top
}

/** Hours two 9:00–17:00 working days overlap, from the two zones' offsets from UTC in hours. */
export function workdayOverlapHours(offsetA: number, offsetB: number): number {
  const startA = 9 - offsetA
  const startB = 9 - offsetB
  const overlap = Math.min(startA + 8, startB + 8) - Math.max(startA, startB)
  return Math.max(0, overlap)
}
