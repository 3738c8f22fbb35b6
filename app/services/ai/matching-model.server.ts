/**
 * Learning the ten matching weights from this platform's hires. Each applicant to a project that
 * hired is one row: the ten factor shares as they stood when the project was posted, and whether
 * they were hired. A logistic regression on those rows says how much each factor moved the choice;
 * the weights in force are its coefficients made non-negative and scaled to the published total.
 * Below MIN_HIRES the published default weights stay in force.
 */
import { findLatestFittedModel, insertFittedModel, type FittedModel } from '~/models/fitted-models.server'
import {
  listFreelancerProfiles,
  listHireDecisions,
  listRecordEvents,
  type TrainingFreelancer,
  type TrainingProject,
} from '~/models/model-training.server'
import { listClientTimeZones } from '~/models/matching.server'
import { areaUnderCurve, evenSample, fitLogistic } from './logistic'
import { toFacts } from './match-facts.server'
import { MATCH_FACTORS, matchShares, type MatchFactorKey } from './matching'
import { recordsAsOf, type RecordsAsOf } from './records-as-of'

/** Fewer hires than this and the fit is too noisy to publish: the default weights stay. */
export const MIN_HIRES = 200
/** Hiring projects one fit learns from at most (an even spread over time beyond it keeps a refit to minutes). */
export const MAX_FIT_PROJECTS = 3_500
/** Held-out projects measured at most. */
const MAX_MEASURED_PROJECTS = 1_500
/** The newest share of hires held out to measure the fit. */
const HELD_OUT = 0.2

const KEYS = MATCH_FACTORS.map((f) => f.key)
export type MatchWeights = Record<MatchFactorKey, number>
export const DEFAULT_WEIGHTS = Object.fromEntries(MATCH_FACTORS.map((f) => [f.key, f.weight])) as MatchWeights

/**
 * Weights from fitted coefficients (on the share scale). A factor that never varied among the
 * outcomes (null) taught nothing and keeps its published weight; the others are the positive part
 * of their coefficients, scaled so together they keep the published total of those factors.
 */
export function weightsFromCoefficients(coefficients: Record<MatchFactorKey, number | null>): MatchWeights {
  const learned = KEYS.filter((key) => coefficients[key] !== null)
  const budget = learned.reduce((sum, key) => sum + DEFAULT_WEIGHTS[key], 0)
  const positive = learned.reduce((sum, key) => sum + Math.max(0, coefficients[key]!), 0)
  return Object.fromEntries(
    KEYS.map((key) => {
      const c = coefficients[key]
      if (c === null) return [key, DEFAULT_WEIGHTS[key]]
      return [key, positive > 0 ? Math.round((10 * budget * Math.max(0, c)) / positive) / 10 : DEFAULT_WEIGHTS[key]]
    }),
  ) as MatchWeights
}

export type HireSample = { projectId: string; at: number; shares: number[]; hired: boolean }

export function sharesFor(
  project: TrainingProject & { clientTimeZone: string | null },
  freelancer: TrainingFreelancer,
  records: RecordsAsOf,
  at: number,
): number[] {
  const when = new Date(at)
  const facts = toFacts(project, freelancer, records.freelancer(freelancer.id, at), when)
  const shares = matchShares(facts, when)
  return KEYS.map((key) => shares[key].share)
}

/** Everything a fit or an evaluation needs, read once. */
export async function loadHiringData() {
  const [{ projects, applicants }, freelancers, events, zones] = await Promise.all([
    listHireDecisions(),
    listFreelancerProfiles(),
    listRecordEvents(),
    listClientTimeZones(),
  ])
  const byProject = new Map(projects.map((p) => [p.id, { ...p, clientTimeZone: zones.get(p.clientId) ?? null }]))
  return {
    projects: [...byProject.values()],
    applicants,
    freelancers: new Map(freelancers.map((f) => [f.id, f])),
    records: recordsAsOf(events),
  }
}
export type HiringData = Awaited<ReturnType<typeof loadHiringData>>

/** One row per applicant of each of `projects` (all hiring ones by default), as of the day it was posted. */
export function hireSamples(data: HiringData, projects = data.projects): HireSample[] {
  const wanted = new Map(projects.map((p) => [p.id, p]))
  const samples: HireSample[] = []
  for (const applicant of data.applicants) {
    const project = wanted.get(applicant.projectId)
    const freelancer = data.freelancers.get(applicant.freelancerId)
    if (!project || !freelancer) continue
    samples.push({
      projectId: project.id,
      at: project.createdAt,
      shares: sharesFor(project, freelancer, data.records, project.createdAt),
      hired: applicant.hired,
    })
  }
  return samples.sort((a, b) => a.at - b.at)
}

export type MatchingFit = { weights: MatchWeights; coefficients: Record<MatchFactorKey, number | null>; hires: number }

export function fitMatchingWeights(rows: HireSample[]): MatchingFit {
  const model = fitLogistic(
    rows.map((s) => s.shares),
    rows.map((s) => (s.hired ? 1 : 0)),
    KEYS,
  )
  // Back to the share scale; a factor with no spread among the rows taught nothing.
  const coefficients = Object.fromEntries(
    KEYS.map((key, j) => {
      const values = rows.map((s) => s.shares[j]!)
      const varied = Math.max(...values) - Math.min(...values) > 1e-6
      return [key, varied ? model.coefficients[j]! / model.scales[j]! : null]
    }),
  ) as Record<MatchFactorKey, number | null>
  return { weights: weightsFromCoefficients(coefficients), coefficients, hires: rows.filter((s) => s.hired).length }
}

/** The weighted score (out of 1) of a row of shares. */
export function scoreShares(shares: number[], weights: MatchWeights): number {
  const total = KEYS.reduce((sum, key) => sum + weights[key], 0) || 1
  return KEYS.reduce((sum, key, j) => sum + weights[key] * shares[j]!, 0) / total
}

/**
 * Fits on older hires, measures on the newest HELD_OUT of them (AUC of the score among the
 * applicants, pooled), then fits again on hires spread over the whole time and stores that as a new
 * version, with the number of hires it learned from. Stores nothing below MIN_HIRES.
 */
export async function trainMatchingModel(now = new Date(), data?: HiringData) {
  const all = data ?? (await loadHiringData())
  // Only projects that hired are loaded, oldest first.
  const projects = all.projects
  if (projects.length < MIN_HIRES) return { stored: false as const, hires: projects.length }
  const split = Math.floor(projects.length * (1 - HELD_OUT))
  const early = fitMatchingWeights(hireSamples(all, evenSample(projects.slice(0, split), MAX_FIT_PROJECTS)))
  const newer = hireSamples(all, evenSample(projects.slice(split), MAX_MEASURED_PROJECTS))
  const labels = newer.map((s) => (s.hired ? 1 : 0))
  const heldOutAuc = areaUnderCurve(
    newer.map((s) => scoreShares(s.shares, early.weights)),
    labels,
  )
  const defaultAuc = areaUnderCurve(
    newer.map((s) => scoreShares(s.shares, DEFAULT_WEIGHTS)),
    labels,
  )
  const fit = fitMatchingWeights(hireSamples(all, evenSample(projects, MAX_FIT_PROJECTS)))
  const version = await insertFittedModel({
    kind: 'matching',
    fittedAt: now,
    outcomes: fit.hires,
    params: { weights: fit.weights, coefficients: fit.coefficients },
    metrics: {
      heldOutAuc,
      defaultAuc,
      heldOutHires: newer.filter((s) => s.hired).length,
      hiresOnRecord: projects.length,
    },
  })
  forget()
  return {
    stored: true as const,
    version,
    hires: fit.hires,
    hiresOnRecord: projects.length,
    heldOutHires: newer.filter((s) => s.hired).length,
    heldOutAuc,
    defaultAuc,
    weights: fit.weights,
  }
}

export type WeightsInForce =
  | { source: 'default'; weights: MatchWeights }
  | { source: 'fitted'; weights: MatchWeights; version: number; outcomes: number; fittedAt: Date; heldOutAuc: number }

/** The fallback rule: a stored fit counts only when it learned from at least MIN_HIRES hires. */
export function chooseWeights(latest: FittedModel | null): WeightsInForce {
  if (!latest || latest.outcomes < MIN_HIRES) return { source: 'default', weights: DEFAULT_WEIGHTS }
  const stored = (latest.params as { weights?: Partial<MatchWeights> }).weights ?? {}
  return {
    source: 'fitted',
    weights: { ...DEFAULT_WEIGHTS, ...stored },
    version: latest.version,
    outcomes: latest.outcomes,
    fittedAt: latest.fittedAt,
    heldOutAuc: Number(latest.metrics.heldOutAuc),
  }
}

// Read once a minute at most: every recommendation asks.
let cached: { at: number; value: WeightsInForce } | null = null
function forget() {
  cached = null
}

export async function matchingWeightsInForce(now = Date.now()): Promise<WeightsInForce> {
  if (cached && now - cached.at < 60_000) return cached.value
  const value = chooseWeights(await findLatestFittedModel('matching'))
  cached = { at: now, value }
  return value
}
