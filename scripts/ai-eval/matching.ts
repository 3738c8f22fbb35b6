/**
 * Recommended freelancers, measured: weights fitted on the older 80% of hires; for a spread sample of
 * the newer projects that hired, every freelancer who listed one of the project's skills (and had
 * joined by then) plus its applicants is ranked, each as they stood the day the project was posted.
 * Counted: how often the freelancer actually hired is in the top 10, for the fitted weights, the
 * published defaults, the rank formula alone and a random order (its expected value).
 */
import type { DB } from '~/models/db.server'
import {
  DEFAULT_WEIGHTS,
  fitMatchingWeights,
  hireSamples,
  loadHiringData,
  MAX_FIT_PROJECTS,
  scoreShares,
  sharesFor,
  type MatchWeights,
} from '~/services/ai/matching-model.server'
import { evenSample } from '~/services/ai/logistic'
import { computeRank } from '~/services/marketplace/rank'
import type { EvalSection } from '../ai-eval'

const HELD_OUT = 0.2
const SAMPLE = Number(process.env.AI_EVAL_PROJECTS ?? 1_000)
const TOP = 10

/** 1 when the hired one is in the top 10 (ties share the places they span). */
function inTop(scores: number[], hired: number): number {
  const mine = scores[hired]!
  let above = 0
  let level = 0
  scores.forEach((score, i) => {
    if (i === hired) return
    if (score > mine) above++
    else if (score === mine) level++
  })
  if (above >= TOP) return 0
  return Math.min(1, (TOP - above) / (level + 1))
}

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
  const fit = fitMatchingWeights(hireSamples(data, evenSample(older, MAX_FIT_PROJECTS)))
  const newer = hiredProjects.filter((p) => p.createdAt >= cutoff)
  const picked =
    newer.length <= SAMPLE
      ? newer
      : Array.from({ length: SAMPLE }, (_, i) => newer[Math.floor((i * newer.length) / SAMPLE)]!)

  const bySkill = new Map<string, string[]>()
  for (const f of data.freelancers.values())
    for (const skill of f.skills) {
      if (!bySkill.has(skill)) bySkill.set(skill, [])
      bySkill.get(skill)!.push(f.id)
    }
  const applicantsOf = new Map<string, { id: string; hired: boolean }[]>()
  for (const a of data.applicants) {
    if (!applicantsOf.has(a.projectId)) applicantsOf.set(a.projectId, [])
    applicantsOf.get(a.projectId)!.push({ id: a.freelancerId, hired: a.hired })
  }

  const hits = { fitted: 0, defaults: 0, rank: 0, random: 0 }
  let pooled = 0
  for (const project of picked) {
    const applicants = applicantsOf.get(project.id) ?? []
    const hiredId = applicants.find((a) => a.hired)!.id
    const pool = new Set(applicants.map((a) => a.id))
    for (const skill of project.skills)
      for (const id of bySkill.get(skill) ?? [])
        if (data.freelancers.get(id)!.createdAt <= project.createdAt) pool.add(id)
    const ids = [...pool]
    const hired = ids.indexOf(hiredId)
    const shares = ids.map((id) => sharesFor(project, data.freelancers.get(id)!, data.records, project.createdAt))
    const by = (weights: MatchWeights) => shares.map((s) => scoreShares(s, weights))
    hits.fitted += inTop(by(fit.weights), hired)
    hits.defaults += inTop(by(DEFAULT_WEIGHTS), hired)
    // The rank formula alone, with every profile counted complete (profile completeness is not dated).
    const at = new Date(project.createdAt)
    hits.rank += inTop(
      ids.map(
        (id) => computeRank({ ...data.records.freelancer(id, project.createdAt), profilePercent: 100 }, at).score,
      ),
      hired,
    )
    hits.random += Math.min(1, TOP / ids.length)
    pooled += ids.length
  }
  const share = (n: number) => `${((100 * n) / picked.length).toFixed(1)}%`
  return {
    name: 'Recommended freelancers: hired freelancer in the top 10',
    lines: [
      `Fitted on ${fit.hires} hires (spread over the ${older.length}) before ${new Date(cutoff).toISOString().slice(0, 10)}; measured on ${picked.length} of the ${newer.length} later projects that hired (on average ${Math.round(pooled / picked.length)} candidates each).`,
      `fitted weights      ${share(hits.fitted)}`,
      `published defaults  ${share(hits.defaults)}`,
      `rank formula alone  ${share(hits.rank)}`,
      `random order        ${share(hits.random)} (expected value)`,
      `fitted weights: ${Object.entries(fit.weights)
        .map(([key, weight]) => `${key} ${weight}`)
        .join(' · ')}`,
    ],
  }
}
