/** "Recommended freelancers" for a client's open project and "Recommended projects" for a freelancer. */
import { findDiscoveryPreferences } from '~/models/discovery.server'
import { findClientTimeZone } from '~/models/matching.server'
import { freelancerRecordsOf } from '~/services/marketplace/freelancer-records.server'
import { findFreelancerProfile } from '~/models/profiles.server'
import { listSkillsOfProjects, type Project } from '~/models/projects.server'
import { findUserById, type SessionUser } from '~/models/users.server'
import { inviteFreelancer } from '~/services/marketplace/projects.server'
import { freelancersWithSkills, openProjectsWithSkills } from './candidate-index.server'
import { toFacts } from './match-facts.server'
import { matchingWeightsInForce } from './matching-model.server'
import { byMatch, isRecommendable, pickTop, scoreMatch, type Match } from './matching'
import { relatedSkills } from './semantic-skills.server'

const CANDIDATES = 60
const SHOWN = 10

/** The project's skills and the skills near them, so a Vue developer can be found for a React project. */
function widenSkills(skills: string[]): string[] {
  return [...new Set([...skills, ...skills.flatMap((skill) => relatedSkills(skill, { limit: 3 }).map((s) => s.name))])]
}

export type RecommendedFreelancer = { id: string; name: string; headline: string; match: Match }

export async function recommendFreelancers(project: Project, now = new Date()): Promise<RecommendedFreelancer[]> {
  const skills = (await listSkillsOfProjects([project.id])).get(project.id) ?? []
  const clientTimeZone = await findClientTimeZone(project.clientId)
  const candidates = await freelancersWithSkills(widenSkills(skills), CANDIDATES)
  const { weights } = await matchingWeightsInForce()
  const records = await freelancerRecordsOf(
    candidates.map((freelancer) => freelancer.id),
    now,
  )
  const scored = candidates.map((freelancer) => ({
    id: freelancer.id,
    name: freelancer.name,
    headline: freelancer.headline,
    match: scoreMatch(
      toFacts({ ...project, skills, clientTimeZone }, freelancer, records.get(freelancer.id)!, now),
      now,
      weights,
    ),
  }))
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
  const projects = await openProjectsWithSkills(widenSkills(freelancer.skills), CANDIDATES)
  const record = (await freelancerRecordsOf([freelancerId], now)).get(freelancerId)!
  const { weights } = await matchingWeightsInForce()
  const scored = projects.map((project) => ({
    id: project.id,
    title: project.title,
    skills: project.skills,
    match: scoreMatch(toFacts(project, freelancer, record, now), now, weights),
  }))
  return scored
    .filter((project) => isRecommendable(project.match))
    .sort(byMatch)
    .slice(0, SHOWN)
}

/** "Invite" beside a recommended freelancer: the usual invitation, addressed by id (their email stays private). */
export async function inviteRecommended(
  project: Project,
  freelancerId: string,
  inviter: Pick<SessionUser, 'id' | 'role'>,
): Promise<string | null> {
  const freelancer = await findUserById(freelancerId)
  // A blocked account is told nothing (inviteFreelancer skips it): the page must not say it was invited.
  if (!freelancer || freelancer.role !== 'freelancer' || freelancer.blockedAt) return null
  // Chosen by id from the list, so there is nothing to hide: the email is sent before the answer.
  await (
    await inviteFreelancer(project, { email: freelancer.email }, inviter)
  ).emailSent
  return freelancer.name
}
