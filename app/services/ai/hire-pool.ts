/**
 * Who a past project's recommendations would have weighed: every freelancer who listed one of its
 * skills and had joined by the day it was posted (the candidates "Recommended freelancers" draws
 * from). Fitting and measuring both use this pool, so the weights learn to tell the hired freelancer
 * from everyone they compete with on the list.
 *
 * The pool is chosen without looking at who applied. It once also held every applicant; then the
 * pool was "listed a skill OR applied", and among its members those without the skills were there
 * only because they applied, while applying is what every hire needs. Skill match then looked like
 * it lowered the chance of a hire (its fitted weight came out 0), an artefact of how the pool was
 * drawn (a collider), not a fact about clients. A hire who listed none of the project's skills is
 * outside the pool: no weights could have recommended them, and measuring counts it as a miss.
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

/** The project's pool, who applied (in the pool or not), and the hired freelancer's id. */
export function poolOf(
  pools: HirePools,
  freelancers: Map<string, TrainingFreelancer>,
  project: TrainingProject,
): { ids: string[]; applicants: Set<string>; hiredId: string | null } {
  const applicants = pools.applicantsOf.get(project.id) ?? []
  const ids = new Set<string>()
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
