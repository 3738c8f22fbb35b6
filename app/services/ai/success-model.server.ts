/**
 * Success prediction: the estimated chance that a contract made from a proposal ends well (every
 * payment released without a dispute or a refund, no invoice left unpaid, rated 4 or more by the
 * client). A logistic regression on this platform's ended contracts, each described by what was
 * known when it was agreed. The reasons are the three features that push the estimate furthest
 * from the average contract, in words. Below MIN_CONTRACTS nothing is estimated.
 */
import { REVIEW_MINIMUM_PAID_USD } from '~/domain/paid-work'
import { findLatestFittedModel, insertFittedModel, type FittedModel } from '~/models/fitted-models.server'
import {
  clientContractRecord,
  listContractOutcomes,
  listFreelancerProfiles,
  type TrainingContract,
} from '~/models/model-training.server'
import { recordEvents, freelancerRecordsOf } from '~/services/marketplace/freelancer-records.server'
import { findFreelancerProfile } from '~/models/profiles.server'
import { listSkillsOfProjects } from '~/models/projects.server'
import type { FreelancerRecord } from '~/domain/freelancer-facts'
import { reviewStatsOf } from '~/models/reviews.server'
import type { ExperienceLevel } from '~/domain/enums'
import { smoothedRating, smoothedShare } from '~/services/marketplace/rank'
import { areaUnderCurve, contributions, evenSample, fitLogistic, predictLogistic, type LogisticModel } from './logistic'
import { skillMatches } from './match-facts.server'
import { recordsAsOf } from './records-as-of'

export const MIN_CONTRACTS = 200
const HELD_OUT = 0.2
/** Rows used for one fit at most (an even spread beyond it keeps a refit to seconds). */
const MAX_ROWS = 20_000

/** What the model knows about a proposal, in the words a reason uses. */
export type SuccessFacts = {
  freelancer: FreelancerRecord
  client: { reviewCount: number; averageRating: number | null; ended: number; disputed: number }
  skillMatches: number[]
  bidAmountMinor: number
  budgetMaxMinor: number
  projectLevel: ExperienceLevel
  freelancerLevel: ExperienceLevel
}

const LEVELS: ExperienceLevel[] = ['entry', 'intermediate', 'expert']
const pct = (x: number) => `${Math.round(x * 100)}%`

type Feature = { key: string; value: (f: SuccessFacts) => number; words: (f: SuccessFacts) => string }

/** How each side's rating reads: "the freelancer is rated 4.5 from 3 reviews", or before any review. */
const RATING_WORDS = {
  freelancer: { rated: 'the freelancer is rated', none: 'the freelancer has no reviews yet' },
  client: { rated: 'freelancers rate this client', none: 'no freelancer has reviewed this client yet' },
}

/** The smoothed rating of one side of the contract. */
function ratingFeature(side: 'freelancer' | 'client'): Feature {
  return {
    key: `${side}Rating`,
    value: (f) => smoothedRating(f[side].reviewCount, f[side].averageRating),
    words: (f) => {
      const { reviewCount, averageRating } = f[side]
      const words = RATING_WORDS[side]
      return reviewCount && averageRating !== null
        ? `${words.rated} ${averageRating.toFixed(1)} from ${reviewCount} reviews`
        : words.none
    },
  }
}

export const SUCCESS_FEATURES: readonly Feature[] = [
  ratingFeature('freelancer'),
  {
    key: 'freelancerJobSuccess',
    value: (f) => smoothedShare(f.freelancer.paidContracts - f.freelancer.disputesLost, f.freelancer.endedContracts),
    words: (f) =>
      f.freelancer.endedContracts
        ? `${f.freelancer.paidContracts} of their ${f.freelancer.endedContracts} ended contracts paid US$${REVIEW_MINIMUM_PAID_USD} or more${f.freelancer.disputesLost ? `, ${f.freelancer.disputesLost} disputes lost` : ''}`
        : 'no ended contracts yet',
  },
  {
    key: 'freelancerOnTime',
    value: (f) => smoothedShare(f.freelancer.milestonesOnTime, f.freelancer.milestonesDue),
    words: (f) =>
      f.freelancer.milestonesDue
        ? `${f.freelancer.milestonesOnTime} of ${f.freelancer.milestonesDue} milestones delivered on time`
        : 'no milestones due yet',
  },
  {
    key: 'skills',
    value: (f) => (f.skillMatches.length ? f.skillMatches.reduce((a, b) => a + b, 0) / f.skillMatches.length : 0),
    words: (f) =>
      `${f.skillMatches.filter((m) => m >= 0.999).length} of the project’s ${f.skillMatches.length} skill${f.skillMatches.length === 1 ? '' : 's'} held`,
  },
  {
    key: 'overBudget',
    value: (f) => Math.max(0, f.bidAmountMinor / Math.max(1, f.budgetMaxMinor) - 1),
    words: (f) =>
      f.bidAmountMinor <= f.budgetMaxMinor
        ? 'the bid is within the budget'
        : `the bid is ${pct(f.bidAmountMinor / Math.max(1, f.budgetMaxMinor) - 1)} over the budget`,
  },
  {
    key: 'levelFit',
    value: (f) => [1, 0.5, 0][Math.abs(LEVELS.indexOf(f.projectLevel) - LEVELS.indexOf(f.freelancerLevel))]!,
    words: (f) =>
      f.projectLevel === f.freelancerLevel
        ? 'their experience level is the one asked for'
        : `an ${f.freelancerLevel} freelancer for an ${f.projectLevel} project`,
  },
  ratingFeature('client'),
  {
    key: 'clientDisputes',
    value: (f) => f.client.disputed / (f.client.ended + 2),
    words: (f) =>
      f.client.ended
        ? `${f.client.disputed} of the client’s ${f.client.ended} ended contracts had a dispute`
        : 'the client has no ended contracts yet',
  },
]

export const featureRow = (facts: SuccessFacts) => SUCCESS_FEATURES.map((feature) => feature.value(facts))

type Sample = { at: number; x: number[]; good: boolean }

/** Ended contracts with a known outcome, each described as of the day it was agreed. */
export async function successSamples(): Promise<Sample[]> {
  const [contracts, freelancers, events] = await Promise.all([
    listContractOutcomes(),
    listFreelancerProfiles(),
    recordEvents(),
  ])
  const profiles = new Map(freelancers.map((f) => [f.id, f]))
  const records = recordsAsOf(events)
  const projectSkills = await projectSkillsOf(contracts)
  const samples: Sample[] = []
  for (const c of contracts) {
    const profile = profiles.get(c.freelancerId)
    if (c.endedWell === null || !profile) continue
    const facts: SuccessFacts = {
      freelancer: records.freelancer(c.freelancerId, c.createdAt),
      client: records.client(c.clientId, c.createdAt),
      skillMatches: skillMatches(projectSkills.get(c.projectId) ?? [], profile.skills),
      bidAmountMinor: c.bidAmountMinor,
      budgetMaxMinor: c.budgetMaxMinor,
      projectLevel: c.projectLevel,
      freelancerLevel: profile.experienceLevel,
    }
    samples.push({ at: c.createdAt, x: featureRow(facts), good: c.endedWell })
  }
  return samples
}

async function projectSkillsOf(contracts: TrainingContract[]): Promise<Map<string, string[]>> {
  const ids = [...new Set(contracts.map((c) => c.projectId))]
  const skills = new Map<string, string[]>()
  for (let i = 0; i < ids.length; i += 5_000) {
    for (const [id, names] of await listSkillsOfProjects(ids.slice(i, i + 5_000))) skills.set(id, names)
  }
  return skills
}

const keys = SUCCESS_FEATURES.map((f) => f.key)

/** Fits on the older contracts and measures AUC on the newest HELD_OUT share. */
export function fitAndMeasure(samples: Sample[]): { early: LogisticModel; heldOutAuc: number; heldOut: number } {
  const sorted = [...samples].sort((a, b) => a.at - b.at)
  const split = Math.floor(sorted.length * (1 - HELD_OUT))
  const older = evenSample(sorted.slice(0, split), MAX_ROWS)
  const newer = sorted.slice(split)
  const early = fitLogistic(
    older.map((s) => s.x),
    older.map((s) => (s.good ? 1 : 0)),
    keys,
  )
  const heldOutAuc = areaUnderCurve(
    newer.map((s) => predictLogistic(early, s.x)),
    newer.map((s) => (s.good ? 1 : 0)),
  )
  return { early, heldOutAuc, heldOut: newer.length }
}

/** Stores a new version fitted on every ended contract, with the AUC measured on the held-out newest. */
export async function trainSuccessModel(now = new Date()) {
  const samples = await successSamples()
  if (samples.length < MIN_CONTRACTS) return { stored: false as const, contracts: samples.length }
  const { heldOutAuc, heldOut } = fitAndMeasure(samples)
  const rows = evenSample(samples, MAX_ROWS)
  const model = fitLogistic(
    rows.map((s) => s.x),
    rows.map((s) => (s.good ? 1 : 0)),
    keys,
  )
  const goodShare = samples.filter((s) => s.good).length / samples.length
  const version = await insertFittedModel({
    kind: 'success',
    fittedAt: now,
    outcomes: samples.length,
    params: { model },
    metrics: { heldOutAuc, heldOut, goodShare },
  })
  forget()
  return { stored: true as const, version, contracts: samples.length, heldOutAuc, heldOut, goodShare }
}

type SuccessModelInForce = {
  model: LogisticModel
  version: number
  contracts: number
  heldOut: number
  heldOutAuc: number
  fittedAt: Date
} | null

function successModelFrom(latest: FittedModel | null): SuccessModelInForce {
  if (!latest || latest.outcomes < MIN_CONTRACTS) return null
  const model = (latest.params as { model?: LogisticModel }).model
  if (!model || model.features.join() !== keys.join()) return null
  return {
    model,
    version: latest.version,
    contracts: latest.outcomes,
    heldOut: Number(latest.metrics.heldOut),
    heldOutAuc: Number(latest.metrics.heldOutAuc),
    fittedAt: latest.fittedAt,
  }
}

let cached: { at: number; value: SuccessModelInForce } | null = null
function forget() {
  cached = null
}

async function successModelInForce(now = Date.now()): Promise<SuccessModelInForce> {
  if (cached && now - cached.at < 60_000) return cached.value
  const value = successModelFrom(await findLatestFittedModel('success'))
  cached = { at: now, value }
  return value
}

/** The success model in force as AI monitoring describes it (null before a usable fit): everything but its numbers. */
export async function successModelFacts() {
  const inForce = await successModelInForce()
  if (!inForce) return null
  const { model: _numbers, ...facts } = inForce
  return facts
}

export type SuccessReason = { words: string; raises: boolean }

/** The chance and the three features that move it most from the average contract, in words. */
export function explainSuccess(
  model: LogisticModel,
  facts: SuccessFacts,
): { chance: number; reasons: SuccessReason[] } {
  const x = featureRow(facts)
  const pushes = contributions(model, x)
  const reasons = SUCCESS_FEATURES.map((feature, j) => ({ feature, push: pushes[j]! }))
    .filter((r) => Math.abs(r.push) > 1e-9)
    .sort((a, b) => Math.abs(b.push) - Math.abs(a.push))
    .slice(0, 3)
    .map((r) => ({ words: r.feature.words(facts), raises: r.push > 0 }))
  return { chance: predictLogistic(model, x), reasons }
}

export type ProposalSuccess =
  | { shown: false; why: string }
  | {
      shown: true
      chance: number
      reasons: SuccessReason[]
      about: { version: number; contracts: number; heldOut: number; heldOutAuc: number }
    }

/** The estimate the client sees on a proposal, or why there is none. */
export async function proposalSuccess(
  project: { id: string; clientId: string; budgetMaxMinor: number; experienceLevel: ExperienceLevel },
  proposal: { freelancerId: string; bidAmountMinor: number },
  now = new Date(),
): Promise<ProposalSuccess> {
  const inForce = await successModelInForce()
  if (!inForce)
    return {
      shown: false,
      why: `No estimate yet: it is learnt from how contracts on MegiLance ended, and it needs at least ${MIN_CONTRACTS} ended contracts to learn from.`,
    }
  const [profile, freelancer, clientReviews, clientContracts, skills] = await Promise.all([
    findFreelancerProfile(proposal.freelancerId),
    freelancerRecordsOf([proposal.freelancerId], now).then((records) => records.get(proposal.freelancerId)!),
    reviewStatsOf(project.clientId, now),
    clientContractRecord(project.clientId),
    listSkillsOfProjects([project.id]),
  ])
  if (!profile) return { shown: false, why: 'No estimate: the freelancer has no profile.' }
  const facts: SuccessFacts = {
    freelancer,
    client: { reviewCount: clientReviews.count, averageRating: clientReviews.average, ...clientContracts },
    skillMatches: skillMatches(
      skills.get(project.id) ?? [],
      profile.skills.map((s) => s.name),
    ),
    bidAmountMinor: proposal.bidAmountMinor,
    budgetMaxMinor: project.budgetMaxMinor,
    projectLevel: project.experienceLevel,
    freelancerLevel: profile.experienceLevel,
  }
  return {
    shown: true,
    ...explainSuccess(inForce.model, facts),
    about: {
      version: inForce.version,
      contracts: inForce.contracts,
      heldOut: inForce.heldOut,
      heldOutAuc: inForce.heldOutAuc,
    },
  }
}
