/** "Recommended freelancers" for a client's open project and "Recommended projects" for a freelancer. */
import { findDiscoveryPreferences } from '~/models/discovery.server'
import {
  findClientTimeZone,
  listFreelancersWithSkills,
  listOpenProjectsWithSkills,
  type CandidateFreelancer,
  type CandidateProject,
} from '~/models/matching.server'
import { findFreelancerProfile } from '~/models/profiles.server'
import { listSkillsOfProjects, type Project } from '~/models/projects.server'
import { freelancerRecordOf } from '~/models/rank.server'
import { findUserById } from '~/models/users.server'
import { inviteFreelancer } from '~/services/marketplace/projects.server'
import { pickTop, scoreMatch, workdayOverlapHours, type Match, type MatchFacts } from './matching'
import { relatedSkills, skillSimilarity } from './semantic-skills.server'

const CANDIDATES = 60
const SHOWN = 10
const SIMILAR_ENOUGH = 0.55

/** The project's skills and the skills near them, so a Vue developer can be found for a React project. */
function widenSkills(skills: string[]): string[] {
  return [...new Set([...skills, ...skills.flatMap((skill) => relatedSkills(skill, { limit: 3 }).map((s) => s.name))])]
}

function skillMatches(projectSkills: string[], freelancerSkills: string[]): number[] {
  return projectSkills.map((wanted) => {
    let best = 0
    for (const held of freelancerSkills) best = Math.max(best, skillSimilarity(wanted, held))
    return best >= SIMILAR_ENOUGH ? best : 0
  })
}

/** Hours from UTC of a time zone now, or null for an unknown zone. */
function utcOffsetHours(timeZone: string | null, now: Date): number | null {
  if (!timeZone) return null
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(now)
      .find((part) => part.type === 'timeZoneName')?.value
    const match = /GMT([+-]\d+)(?::(\d+))?/.exec(name ?? '')
    if (!match) return 0
    const hours = Number(match[1])
    return hours + Math.sign(hours) * (Number(match[2] ?? 0) / 60)
  } catch {
    return null
  }
}

function overlap(a: string | null, b: string | null, now: Date): number | null {
  const x = utcOffsetHours(a, now)
  const y = utcOffsetHours(b, now)
  return x === null || y === null ? null : workdayOverlapHours(x, y)
}

type ProjectSide = Pick<
  CandidateProject,
  'skills' | 'experienceLevel' | 'budgetType' | 'budgetMinMinor' | 'budgetMaxMinor' | 'currency' | 'clientTimeZone'
>
type FreelancerSide = Omit<CandidateFreelancer, 'id' | 'name' | 'headline'>

function toFacts(
  project: ProjectSide,
  freelancer: FreelancerSide,
  record: Awaited<ReturnType<typeof freelancerRecordOf>>,
  now: Date,
): MatchFacts {
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
    overlapHours: overlap(project.clientTimeZone, freelancer.timeZone, now),
    freelancerLanguages: freelancer.languages,
  }
}

export type RecommendedFreelancer = { id: string; name: string; headline: string; match: Match }

export async function recommendFreelancers(project: Project, now = new Date()): Promise<RecommendedFreelancer[]> {
  const skills = (await listSkillsOfProjects([project.id])).get(project.id) ?? []
  const clientTimeZone = await findClientTimeZone(project.clientId)
  const candidates = await listFreelancersWithSkills(widenSkills(skills), CANDIDATES)
  const scored = await Promise.all(
    candidates.map(async (freelancer) => ({
      id: freelancer.id,
      name: freelancer.name,
      headline: freelancer.headline,
      match: scoreMatch(
        toFacts({ ...project, skills, clientTimeZone }, freelancer, await freelancerRecordOf(freelancer.id, now), now),
        now,
      ),
    })),
  )
  return pickTop(scored, SHOWN)
}

export type RecommendedProject = { id: string; title: string; skills: string[]; match: Match }

/** Empty when the freelancer left recommendations (Settings → Visibility). */
export async function recommendProjects(freelancerId: string, now = new Date()): Promise<RecommendedProject[]> {
  if ((await findDiscoveryPreferences(freelancerId)).recommendationsOff) return []
  const profile = await findFreelancerProfile(freelancerId)
  if (!profile) return []
  const freelancer = {
    experienceLevel: profile.experienceLevel,
    hourlyRateMinor: profile.hourlyRateMinor,
    currency: profile.currency,
    availability: profile.availability,
    timeZone: profile.timeZone,
    languages: profile.languages,
    skills: profile.skills.map((skill) => skill.name),
  }
  const projects = await listOpenProjectsWithSkills(widenSkills(freelancer.skills), CANDIDATES)
  const record = await freelancerRecordOf(freelancerId, now)
  const scored = projects.map((project) => ({
    id: project.id,
    title: project.title,
    skills: project.skills,
    match: scoreMatch(toFacts(project, freelancer, record, now), now),
  }))
  return scored.sort((a, b) => b.match.score - a.match.score).slice(0, SHOWN)
}

/** "Invite" beside a recommended freelancer: the usual invitation, addressed by id (their email stays private). */
export async function inviteRecommended(project: Project, freelancerId: string): Promise<string | null> {
  const freelancer = await findUserById(freelancerId)
  if (!freelancer || freelancer.role !== 'freelancer') return null
  await inviteFreelancer(project, { email: freelancer.email })
  return freelancer.name
}
