import { countProjectsByStatus, listOpenProjectsForSkills, listRecentProjectsOfClient, listSkillsOfProjects } from '~/models/projects.server'
import { findClientProfile, findFreelancerProfile } from '~/models/profiles.server'
import { countBlockedUsers, countUsersByRole, countUsersSince } from '~/models/users.server'
import { countOutbox } from '~/models/outbox.server'
import { adminQueueStats, clientWorkStats, freelancerWorkStats, listActiveContracts, listDisputeQueue, listProposalsToReview } from '~/models/dashboard-stats.server'
import { profileCompleteness } from './profile-completeness'

export async function getClientDashboard(userId: string) {
  const [counts, recent, profile, work, proposalsToReview, activeContracts] = await Promise.all([
    countProjectsByStatus(userId),
    listRecentProjectsOfClient(userId, 5),
    findClientProfile(userId),
    clientWorkStats(userId),
    listProposalsToReview(userId, 5),
    listActiveContracts(userId, 5),
  ])
  return { counts, recent, company: profile?.company ?? '', work, proposalsToReview, activeContracts }
}

export async function getFreelancerDashboard(userId: string) {
  const [profile, work, activeContracts] = await Promise.all([findFreelancerProfile(userId), freelancerWorkStats(userId), listActiveContracts(userId, 5)])
  const skills = profile?.skills ?? []
  const matches = await listOpenProjectsForSkills(
    skills.map((skill) => skill.id),
    5,
  )
  const skillsByProject = await listSkillsOfProjects(matches.rows.map((row) => row.id))
  return {
    work,
    activeContracts,
    profile: {
      headline: profile?.headline ?? '',
      hourlyRateMinor: profile?.hourlyRateMinor ?? null,
      currency: profile?.currency ?? 'USD',
      skills: skills.map((skill) => skill.name),
    },
    completeness: profileCompleteness({
      headline: profile?.headline ?? '',
      bio: profile?.bio ?? '',
      hourlyRateMinor: profile?.hourlyRateMinor ?? null,
      skillCount: skills.length,
    }),
    matches: {
      total: matches.total,
      rows: matches.rows.map((row) => ({ ...row, skills: skillsByProject.get(row.id) ?? [] })),
    },
  }
}

export async function getAdminDashboard(now = new Date()) {
  const weekAgo = new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000)
  const [usersByRole, newUsers, blocked, projects, outbox, queues, disputeQueue] = await Promise.all([
    countUsersByRole(),
    countUsersSince(weekAgo),
    countBlockedUsers(),
    countProjectsByStatus(),
    countOutbox(),
    adminQueueStats(),
    listDisputeQueue(5),
  ])
  return { usersByRole, newUsers, blocked, projects, outbox, queues, disputeQueue }
}
