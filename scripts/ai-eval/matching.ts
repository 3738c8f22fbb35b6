/**
 * Recommended freelancers, measured on a time split: everything is learned from the older 80% of
 * hires. There the trainer's own rule runs (fit on its older four-fifths, compare with the published
 * defaults on its newest fifth, keep the better), and weights are fitted on all of it. For a spread
 * sample of the newer projects that hired, the project's pool (every freelancer who listed one of its
 * skills and had joined by then) is ranked, each as they stood the day it was posted. Counted: how
 * often the freelancer actually hired is in the top 10, for the fitted weights, the published
 * defaults, the weights the trainer would put in force, the rank formula alone and a random order
 * (its expected value). A hire from outside the pool is a miss for all of them. For comparison with
 * figures measured before, the weights are also measured on the pool with every applicant added.
 */
import type { DB } from '~/models/db.server'
import {
  chooseOnValidation,
  DEFAULT_WEIGHTS,
  fitMatchingWeights,
  hireSamples,
  loadHiringData,
  MAX_FIT_PROJECTS,
  POOL_NEGATIVES,
  topTenShares,
} from '~/services/ai/matching-model.server'
import { inTop, poolOf, TOP } from '~/services/ai/hire-pool'
import { evenSample } from '~/services/ai/logistic'
import { computeRank } from '~/services/marketplace/rank'
import type { EvalSection } from '../ai-eval'

const HELD_OUT = 0.2
const SAMPLE = Number(process.env.AI_EVAL_PROJECTS ?? 1_000)

const percent = (share: number) => `${(100 * share).toFixed(1)}%`

export async function evaluate(_db: DB): Promise<EvalSection> {
  const data = await loadHiringData()
  // Only projects that hired are loaded, oldest first.
  const hiredProjects = data.projects
  if (hiredProjects.length < 50)
    return {
      name: 'Recommended freelancers',
      lines: [`Only ${hiredProjects.length} projects hired: nothing to measure.`],
    }
  const cutoff = hiredProjects[Math.floor(hiredProjects.length * (1 - HELD_OUT))]!.createdAt
  const older = hiredProjects.filter((p) => p.createdAt < cutoff)
  const choice = chooseOnValidation(data, older)
  const fit = fitMatchingWeights(hireSamples(data, evenSample(older, MAX_FIT_PROJECTS)))
  const inForce = choice.inForce === 'fitted' ? fit.weights : DEFAULT_WEIGHTS
  const picked = evenSample(
    hiredProjects.filter((p) => p.createdAt >= cutoff),
    SAMPLE,
  )
  const sets = [fit.weights, DEFAULT_WEIGHTS, inForce]
  const [fitted, defaults, chosen] = topTenShares(data, picked, sets)
  const [fittedOld, defaultsOld] = topTenShares(data, picked, sets, { withApplicants: true })

  let rank = 0
  let random = 0
  let pooled = 0
  let outside = 0
  for (const project of picked) {
    const pool = poolOf(data.pools, data.freelancers, project)
    pooled += pool.ids.length
    const hired = pool.ids.indexOf(pool.hiredId!)
    if (hired < 0) {
      outside++
      continue
    }
    // The rank formula alone, with every profile counted complete (profile completeness is not dated).
    const at = new Date(project.createdAt)
    const scores = pool.ids.map(
      (id) => computeRank({ ...data.records.freelancer(id, project.createdAt), profilePercent: 100 }, at).score,
    )
    rank += inTop(scores, hired)
    random += Math.min(1, TOP / pool.ids.length)
  }
  const v = choice.validation
  return {
    name: 'Recommended freelancers: hired freelancer in the top 10',
    lines: [
      `Learned from the ${older.length} projects that hired before ${new Date(cutoff).toISOString().slice(0, 10)} (a fit reads the one hired and up to ${POOL_NEGATIVES} others of each pool); measured on ${picked.length} later projects that hired (on average ${Math.round(pooled / picked.length)} freelancers in each pool, the freelancers who listed one of its skills).`,
      `${outside} of the ${picked.length} hires (${percent(outside / picked.length)}) listed none of their project's skills: outside the pool, a miss for every line below.`,
      `fitted weights      ${percent(fitted!)}  (fitted on ${fit.hires} hires; ${percent(fittedOld!)} with every applicant added to the pool, as measured before)`,
      `published defaults  ${percent(defaults!)}  (${percent(defaultsOld!)} with every applicant added)`,
      `weights in force    ${percent(chosen!)}  (the trainer's rule chose the ${choice.inForce === 'fitted' ? 'fitted weights' : 'published defaults'}: on the newest fifth of the learning period, ${v.projects} projects, fitted ${percent(v.fitted)} against defaults ${percent(v.defaults)})`,
      `rank formula alone  ${percent(rank / picked.length)}`,
      `random order        ${percent(random / picked.length)} (expected value)`,
      `fitted weights: ${Object.entries(fit.weights)
        .map(([key, weight]) => `${key} ${weight}`)
        .join(' · ')}`,
      `coefficients (log-odds per unit of share; none: never differed within a project): ${Object.entries(
        fit.coefficients,
      )
        .map(([key, c]) => `${key} ${c === null ? 'none' : c.toFixed(2)}`)
        .join(' · ')}`,
    ],
  }
}
