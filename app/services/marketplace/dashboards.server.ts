import { countProjectsByStatus } from '~/models/projects.server'
import { countBlockedUsers, countUsersByRole, countUsersSince } from '~/models/users.server'
import { countOutbox } from '~/models/outbox.server'
import {
  adminQueueStats,
  clientDashboardFacts,
  freelancerDashboardFacts,
  listActiveContracts,
  listActiveContractsOfFreelancer,
  listDisputeQueue,
  listProposalsToReview,
  listRecentProjectsOfClientForDashboard,
} from '~/models/dashboard-stats.server'
import { hasSecondFactor } from '~/services/security/second-factor.server'
import { dashboardOpenProjects } from './dashboard-recommendations.server'
import { onboardingSteps } from './onboarding'
import { profileCompleteness } from './profile-completeness'
import { WEEK_MS } from '~/domain/durations'

const NOT_APPLICABLE = { hasProject: true, hasProposal: true, hasPayoutMethod: true }

/** How many of each list the dashboards show. */
const LISTED = 5

/**
 * Everything the client dashboard shows: one statement for the counts and the profile, one per list
 * (each cut to five in SQL) and two for the money (see models/dashboard-stats.server.ts).
 */
export async function getClientDashboard(userId: string) {
  const [facts, recent, proposalsToReview, activeContracts, secured] = await Promise.all([
    clientDashboardFacts(userId),
    listRecentProjectsOfClientForDashboard(userId, LISTED),
    listProposalsToReview(userId, LISTED),
    listActiveContracts(userId, LISTED),
    hasSecondFactor(userId),
  ])
  const counts = facts.projects
  const onboarding = onboardingSteps('client', {
    ...NOT_APPLICABLE,
    // Freelancers want to know who they would work for: a company name or at least a country.
    profileComplete: Boolean(facts.company || facts.country),
    hasProject: counts.open + counts.closed > 0,
    hasSecondFactor: secured,
  })
  return { counts, recent, company: facts.company, work: facts.work, proposalsToReview, activeContracts, onboarding }
}

/**
 * Everything the freelancer dashboard shows but the recommendations and skill suggestions: a few
 * statements, each answering several questions (see models/dashboard-stats.server.ts).
 */
export async function getFreelancerDashboard(userId: string) {
  const [{ profile, work, sentProposal, hasPayoutMethod }, activeContracts, matches, secured] = await Promise.all([
    freelancerDashboardFacts(userId),
    listActiveContractsOfFreelancer(userId, LISTED),
    dashboardOpenProjects(userId, LISTED),
    hasSecondFactor(userId),
  ])
  const yours = new Set(profile.skills.map((skill) => skill.name))
  const isYours = (skill: string) => yours.has(skill)
  const completeness = profileCompleteness({
    headline: profile.headline,
    bio: profile.bio,
    hourlyRateMinor: profile.hourlyRateMinor,
    skillCount: profile.skills.length,
  })
  return {
    work,
    activeContracts,
    profile: {
      hourlyRateMinor: profile.hourlyRateMinor,
      currency: profile.currency,
      skills: profile.skills.map((skill) => skill.name),
    },
    completeness,
    onboarding: onboardingSteps('freelancer', {
      ...NOT_APPLICABLE,
      profileComplete: completeness.missing.length === 0,
      hasProposal: sentProposal,
      hasPayoutMethod,
      hasSecondFactor: secured,
    }),
    // The list is of projects that need the freelancer's skills: it names those, not every skill asked.
    matches: { ...matches, rows: matches.rows.map((row) => ({ ...row, skills: row.skills.filter(isYours) })) },
  }
}

export async function getAdminDashboard(adminId: string, now = new Date()) {
  const weekAgo = new Date(now.getTime() - WEEK_MS)
  const [usersByRole, newUsers, blocked, projects, outbox, queues, disputeQueue, secured] = await Promise.all([
    countUsersByRole(),
    countUsersSince(weekAgo),
    countBlockedUsers(),
    countProjectsByStatus(),
    countOutbox(),
    adminQueueStats(),
    listDisputeQueue(5),
    hasSecondFactor(adminId),
  ])
  const onboarding = onboardingSteps('admin', { ...NOT_APPLICABLE, profileComplete: true, hasSecondFactor: secured })
  return { usersByRole, newUsers, blocked, projects, outbox, queues, disputeQueue, onboarding }
}
