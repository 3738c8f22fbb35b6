/**
 * What the platform knows about a freelancer, as the rank formula, the matching formula and the
 * models' training read it. The queries in app/models fill these; the formulas in app/services read them.
 */
import type { Availability, ExperienceLevel } from './enums'

/** A freelancer's record as the rank formula counts it (app/services/marketplace/rank.ts). */
export type FreelancerRecord = {
  /** Visible reviews (double-blind rule applied) and their mean overall rating (1–5). */
  reviewCount: number
  averageRating: number | null
  /** Ended contracts, and how many of them paid the freelancer something (a release or a paid invoice). */
  endedContracts: number
  paidContracts: number
  /** Disputes decided against the freelancer: a refund counts 1, a split ½. */
  disputesLost: number
  /** Milestones with a due date that are due or delivered, and how many were delivered by the due day. */
  milestonesDue: number
  milestonesOnTime: number
  /** The last time the freelancer did something on the platform, or null when never. */
  lastActiveAt: Date | null
}

/** The profile facts the matching formula compares with a project (app/services/ai/matching.ts). */
export type FreelancerMatchProfile = {
  experienceLevel: ExperienceLevel
  hourlyRateMinor: number | null
  currency: string
  availability: Availability
  timeZone: string | null
  languages: string[]
  skills: string[]
}
