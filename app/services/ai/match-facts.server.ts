/** The facts the matching formula scores, from a project and a freelancer (app/services/ai/matching.ts). */
import type { FreelancerMatchProfile, FreelancerRecord } from '~/domain/freelancer-facts'
import type { CandidateProject } from '~/models/matching.server'
import { workdayOverlapHours, type MatchFacts } from './matching'
import { skillSimilarity } from './semantic-skills.server'

const SIMILAR_ENOUGH = 0.55

export function skillMatches(projectSkills: string[], freelancerSkills: string[]): number[] {
  return projectSkills.map((wanted) => {
    let best = 0
    for (const held of freelancerSkills) best = Math.max(best, skillSimilarity(wanted, held))
    return best >= SIMILAR_ENOUGH ? best : 0
  })
}

const offsets = new Map<string, number | null>()

/** Hours from UTC of a time zone now (kept per zone and hour: Intl is slow), or null for an unknown zone. */
function utcOffsetHours(timeZone: string | null, now: Date): number | null {
  if (!timeZone) return null
  const key = `${timeZone}|${Math.floor(now.getTime() / 3_600_000)}`
  if (!offsets.has(key)) {
    if (offsets.size > 5_000) offsets.clear()
    offsets.set(key, computeOffset(timeZone, now))
  }
  return offsets.get(key)!
}

// Building a formatter is the slow part of Intl (a fraction of a millisecond): one per zone, kept.
const formatters = new Map<string, Intl.DateTimeFormat | null>()

function formatterOf(timeZone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(timeZone)) {
    let formatter: Intl.DateTimeFormat | null
    try {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
    } catch {
      formatter = null
    }
    if (formatters.size > 1_000) formatters.clear()
    formatters.set(timeZone, formatter)
  }
  return formatters.get(timeZone)!
}

function computeOffset(timeZone: string, now: Date): number | null {
  const formatter = formatterOf(timeZone)
  if (!formatter) return null
  const name = formatter.formatToParts(now).find((part) => part.type === 'timeZoneName')?.value
  const match = /GMT([+-]\d+)(?::(\d+))?/.exec(name ?? '')
  if (!match) return 0
  const hours = Number(match[1])
  return hours + Math.sign(hours) * (Number(match[2] ?? 0) / 60)
}

/** The working days' overlap, or whose time zone is missing (or not one Intl knows) when there is none to tell. */
function overlap(client: number | null, freelancer: number | null): Pick<MatchFacts, 'overlapHours' | 'unsetTimeZone'> {
  if (client !== null && freelancer !== null) return { overlapHours: workdayOverlapHours(client, freelancer) }
  return { overlapHours: null, unsetTimeZone: client !== null ? 'freelancer' : freelancer !== null ? 'client' : 'both' }
}

export type ProjectSide = Pick<
  CandidateProject,
  'skills' | 'experienceLevel' | 'budgetType' | 'budgetMinMinor' | 'budgetMaxMinor' | 'currency' | 'clientTimeZone'
>

export function toFacts(
  project: ProjectSide,
  freelancer: FreelancerMatchProfile,
  record: FreelancerRecord,
  now: Date,
): MatchFacts {
  const { overlapHours, unsetTimeZone } = overlap(
    utcOffsetHours(project.clientTimeZone, now),
    utcOffsetHours(freelancer.timeZone, now),
  )
  return {
    ...record,
    skillMatches: skillMatches(project.skills, freelancer.skills),
    projectLevel: project.experienceLevel,
    freelancerLevel: freelancer.experienceLevel,
    budgetType: project.budgetType,
    budgetMinMinor: project.budgetMinMinor,
    budgetMaxMinor: project.budgetMaxMinor,
    hourlyRateMinor: freelancer.currency === project.currency ? freelancer.hourlyRateMinor : null,
    availability: freelancer.availability,
    overlapHours,
    unsetTimeZone,
    freelancerLanguages: freelancer.languages,
  }
}
