/**
 * Who a past project's recommendations would have weighed: its applicants and every freelancer who
 * listed one of its skills and had joined by the day it was posted. Fitting and measuring both use
 * this pool, so the weights learn to tell the hired freelancer from everyone they compete with on
 * the list (not only from the other applicants, who are all recently active).
 */
import type { TrainingApplicant, TrainingFreelancer, TrainingProject } from '~/models/model-training.server'

export type HirePools = {
  applicantsOf: Map<string, { id: string; hired: boolean }[]>
  holdersOf: Map<string, string[]>
}

export function hirePools(applicants: TrainingApplicant[], freelancers: Iterable<TrainingFreelancer>): HirePools {
  const applicantsOf = new Map<string, { id: string; hired: boolean }[]>()
  for (const a of applicants) {
    if (!applicantsOf.has(a.projectId)) applicantsOf.set(a.projectId, [])
    applicantsOf.get(a.projectId)!.push({ id: a.freelancerId, hired: a.hired })
  }
  const holdersOf = new Map<string, string[]>()
  for (const f of freelancers)
    for (const skill of f.skills) {
      if (!holdersOf.has(skill)) holdersOf.set(skill, [])
      holdersOf.get(skill)!.push(f.id)
    }
  return { applicantsOf, holdersOf }
}

/** The project's pool (applicants first), and the hired freelancer's id. */
export function poolOf(
  pools: HirePools,
  freelancers: Map<string, TrainingFreelancer>,
  project: TrainingProject,
): { ids: string[]; applicants: Set<string>; hiredId: string | null } {
  const applicants = pools.applicantsOf.get(project.id) ?? []
  const ids = new Set(applicants.map((a) => a.id).filter((id) => freelancers.has(id)))
  for (const skill of project.skills)
    for (const id of pools.holdersOf.get(skill) ?? [])
      if (freelancers.get(id)!.createdAt <= project.createdAt) ids.add(id)
  return {
    ids: [...ids],
    applicants: new Set(applicants.map((a) => a.id)),
    hiredId: applicants.find((a) => a.hired)?.id ?? null,
  }
}

export const TOP = 10

/** 1 when the hired one (index `hired`) is in the top 10 by score; ties share the places they span. */
export function inTop(scores: number[], hired: number): number {
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
