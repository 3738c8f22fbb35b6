/**
 * Learning the ten matching weights from this platform's hires. For each project that hired someone
 * from its pool (app/services/ai/hire-pool.ts: the freelancers listing one of its skills), the one
 * hired and an even sample of the rest give rows: the ten factor shares as they stood when the
 * project was posted. A conditional logit (app/services/ai/choice-model.ts: one choice among a set)
 * says how much each factor moved the choice; the fitted weights are its coefficients made
 * non-negative and scaled to the published total.
 * They are put in force only when they beat the published defaults on a validation split (the
 * newest fifth of the hires it may learn from), and never below MIN_HIRES hires.
 */
import { findLatestFittedModel, insertFittedModel, type FittedModel } from '~/models/fitted-models.server'
import {
  listFreelancerProfiles,
  listHireDecisions,
  type TrainingFreelancer,
  type TrainingProject,
} from '~/models/model-training.server'
import { recordEvents } from '~/services/marketplace/freelancer-records.server'
import { listClientTimeZones } from '~/models/matching.server'
import { hirePools, inTop, poolOf } from './hire-pool'
import { fitChoice } from './choice-model'
import { evenSample } from './logistic'
import { toFacts } from './match-facts.server'
import { MATCH_FACTORS, matchShares, type MatchFactorKey } from './matching'
import { recordsAsOf, type RecordsAsOf } from './records-as-of'

/** Fewer hires than this and the fit is too noisy to publish: the default weights stay. */
export const MIN_HIRES = 200
/** Hiring projects one fit learns from at most (an even spread over time beyond it keeps a refit to minutes). */
export const MAX_FIT_PROJECTS = 1_000
/**
 * Freelancers from a project's pool who were not hired, taken as its examples of "not hired" (an even
 * spread, drawn without regard to who applied: drawing applicants more often would teach what
 * applicants look like rather than what the client chose).
 */
export const POOL_NEGATIVES = 30
/** The newest share of the hires a fit may learn from, kept aside to choose between fitted and default weights. */
const VALIDATION = 0.2
/** Validation projects measured at most. */
const MAX_VALIDATION_PROJECTS = 300

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

function sharesFor(
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
  const [{ projects, applicants }, profiles, events, zones] = await Promise.all([
    listHireDecisions(),
    listFreelancerProfiles(),
    recordEvents(),
    listClientTimeZones(),
  ])
  const byProject = new Map(projects.map((p) => [p.id, { ...p, clientTimeZone: zones.get(p.clientId) ?? null }]))
  const freelancers = new Map(profiles.map((f) => [f.id, f]))
  return {
    projects: [...byProject.values()],
    freelancers,
    pools: hirePools(applicants, profiles),
    records: recordsAsOf(events),
  }
}
export type HiringData = Awaited<ReturnType<typeof loadHiringData>>
type HiringProject = HiringData['projects'][number]

/**
 * Rows for each of `projects` whose hire is in its pool: the one hired and up to POOL_NEGATIVES of
 * the others, each as of the day the project was posted.
 */
export function hireSamples(data: HiringData, projects: HiringProject[]): HireSample[] {
  const samples: HireSample[] = []
  for (const project of projects) {
    const pool = poolOf(data.pools, data.freelancers, project)
    if (pool.hiredId === null || !pool.ids.includes(pool.hiredId)) continue
    const ids = [
      pool.hiredId,
      ...evenSample(
        pool.ids.filter((id) => id !== pool.hiredId),
        POOL_NEGATIVES,
      ),
    ]
    for (const id of ids)
      samples.push({
        projectId: project.id,
        at: project.createdAt,
        shares: sharesFor(project, data.freelancers.get(id)!, data.records, project.createdAt),
        hired: id === pool.hiredId,
      })
  }
  return samples
}

export type MatchingFit = { weights: MatchWeights; coefficients: Record<MatchFactorKey, number | null>; hires: number }

/** Fits the choice within each project (rows grouped by projectId; a project without a hire among them teaches nothing). */
export function fitMatchingWeights(rows: HireSample[]): MatchingFit {
  const byProject = new Map<string, HireSample[]>()
  for (const row of rows) {
    if (!byProject.has(row.projectId)) byProject.set(row.projectId, [])
    byProject.get(row.projectId)!.push(row)
  }
  const sets = [...byProject.values()]
    .map((set) => ({ rows: set.map((s) => s.shares), chosen: set.findIndex((s) => s.hired) }))
    .filter((set) => set.chosen >= 0)
  const model = fitChoice(sets, KEYS.length)
  // A factor that never differed between two people of the same project taught nothing.
  const coefficients = Object.fromEntries(
    KEYS.map((key, j) => [key, model.varied[j] ? model.coefficients[j]! : null]),
  ) as Record<MatchFactorKey, number | null>
  return { weights: weightsFromCoefficients(coefficients), coefficients, hires: sets.length }
}

/** The weighted score (out of 1) of a row of shares. */
function scoreShares(shares: number[], weights: MatchWeights): number {
  const total = KEYS.reduce((sum, key) => sum + weights[key], 0) || 1
  return KEYS.reduce((sum, key, j) => sum + weights[key] * shares[j]!, 0) / total
}

/**
 * For each set of weights, the share of `projects` (which all hired) whose hired freelancer is in
 * the top 10 of the project's whole pool, everyone scored as of the day it was posted. A hire from
 * outside the pool counts as a miss for every set: no weights could have recommended them.
 */
export function topTenShares(
  data: HiringData,
  projects: HiringProject[],
  weightSets: MatchWeights[],
  { withApplicants = false } = {},
): number[] {
  const hits = weightSets.map(() => 0)
  for (const project of projects) {
    const pool = poolOf(data.pools, data.freelancers, project)
    // withApplicants: the pool as it was measured before (every applicant added), for comparison only.
    const ids = withApplicants
      ? [...new Set([...pool.ids, ...[...pool.applicants].filter((id) => data.freelancers.has(id))])]
      : pool.ids
    const hired = pool.hiredId === null ? -1 : ids.indexOf(pool.hiredId)
    if (hired < 0) continue
    const shares = ids.map((id) => sharesFor(project, data.freelancers.get(id)!, data.records, project.createdAt))
    weightSets.forEach((weights, w) => {
      hits[w]! += inTop(
        shares.map((s) => scoreShares(s, weights)),
        hired,
      )
    })
  }
  return hits.map((h) => (projects.length ? h / projects.length : Number.NaN))
}

export type WeightsChoice = {
  inForce: 'fitted' | 'defaults'
  /** The fit on the older four-fifths, which was compared. */
  early: MatchingFit
  validation: { projects: number; fitted: number; defaults: number }
}

/**
 * Fits on the older four-fifths of `projects` (hiring ones, oldest first) and measures the fit and
 * the published defaults on the newest fifth: the fitted weights go in force only if they put the
 * hired freelancer in the top 10 more often.
 */
export function chooseOnValidation(data: HiringData, projects: HiringProject[]): WeightsChoice {
  const split = Math.floor(projects.length * (1 - VALIDATION))
  const early = fitMatchingWeights(hireSamples(data, evenSample(projects.slice(0, split), MAX_FIT_PROJECTS)))
  const validation = evenSample(projects.slice(split), MAX_VALIDATION_PROJECTS)
  const [fitted, defaults] = topTenShares(data, validation, [early.weights, DEFAULT_WEIGHTS])
  return {
    inForce: fitted! > defaults! ? 'fitted' : 'defaults',
    early,
    validation: { projects: validation.length, fitted: fitted!, defaults: defaults! },
  }
}

/**
 * Chooses between fitted and default weights on a validation split, fits again on hires spread over
 * the whole time, and stores that as a new version with the choice, the validation figures and the
 * number of hires it learned from. Stores nothing below MIN_HIRES.
 */
export async function trainMatchingModel(now = new Date(), data?: HiringData) {
  const all = data ?? (await loadHiringData())
  // Only projects that hired are loaded, oldest first.
  const projects = all.projects
  if (projects.length < MIN_HIRES) return { stored: false as const, hires: projects.length }
  const choice = chooseOnValidation(all, projects)
  const fit = fitMatchingWeights(hireSamples(all, evenSample(projects, MAX_FIT_PROJECTS)))
  const version = await insertFittedModel({
    kind: 'matching',
    fittedAt: now,
    outcomes: fit.hires,
    params: { weights: fit.weights, coefficients: fit.coefficients, inForce: choice.inForce },
    metrics: {
      validationProjects: choice.validation.projects,
      validationFitted: choice.validation.fitted,
      validationDefaults: choice.validation.defaults,
      hiresOnRecord: projects.length,
    },
  })
  forget()
  return {
    stored: true as const,
    version,
    hires: fit.hires,
    hiresOnRecord: projects.length,
    inForce: choice.inForce,
    validation: choice.validation,
    weights: fit.weights,
  }
}

type FitFacts = {
  version: number
  outcomes: number
  fittedAt: Date
  /** Hired freelancer in the top 10 on the validation split: the fit on the older four-fifths, and the defaults. */
  validation: { projects: number; fitted: number; defaults: number } | null
}

export type WeightsInForce =
  | { source: 'default'; weights: MatchWeights; rejected: FitFacts | null }
  | ({ source: 'fitted'; weights: MatchWeights } & FitFacts)

/**
 * The fallback rule: a stored fit counts only when it learned from at least MIN_HIRES hires and
 * beat the published defaults on its validation split; a fit that lost is reported, not used.
 */
export function chooseWeights(latest: FittedModel | null): WeightsInForce {
  if (!latest || latest.outcomes < MIN_HIRES) return { source: 'default', weights: DEFAULT_WEIGHTS, rejected: null }
  const params = latest.params as { weights?: Partial<MatchWeights>; inForce?: 'fitted' | 'defaults' }
  const m = latest.metrics as Record<string, unknown>
  const facts: FitFacts = {
    version: latest.version,
    outcomes: latest.outcomes,
    fittedAt: latest.fittedAt,
    validation:
      typeof m.validationFitted === 'number' && typeof m.validationDefaults === 'number'
        ? { projects: Number(m.validationProjects), fitted: m.validationFitted, defaults: m.validationDefaults }
        : null,
  }
  if (params.inForce !== 'fitted') return { source: 'default', weights: DEFAULT_WEIGHTS, rejected: facts }
  return { source: 'fitted', weights: { ...DEFAULT_WEIGHTS, ...params.weights }, ...facts }
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
