import './app-env'
import type { ExperienceLevel, ProjectVisibility } from '~/domain/enums'
import { listNotifications } from '~/models/notifications.server'
import { createProjectWithSkills, findProject } from '~/models/projects.server'
import { findProposal, insertProposal } from '~/models/proposals.server'
import { updateFreelancerProfile } from '~/models/profiles.server'
import { userIdByEmail } from './db-fixtures'

export type OpenProjectOptions = {
  title?: string
  description?: string
  budgetType?: 'fixed' | 'hourly'
  /** The top of the budget (a fixed price, or an hourly rate). */
  budgetMinor?: number
  /** The bottom of the budget; the top by default. */
  budgetMinMinor?: number
  currency?: string
  skills?: string[]
  experienceLevel?: ExperienceLevel
  visibility?: ProjectVisibility
  createdAt?: Date
}

/** An open project of an existing client, stored by the app's own model (as after posting it). */
export async function createOpenProject(clientEmail: string, options: OpenProjectOptions = {}) {
  const title = options.title ?? `Booking site ${crypto.randomUUID().slice(0, 6)}`
  const max = options.budgetMinor ?? 50_000
  const projectId = await createProjectWithSkills(
    {
      clientId: await userIdByEmail(clientEmail),
      title,
      description: options.description ?? 'A project made by the e2e fixture, with enough words to read well.',
      budgetType: options.budgetType ?? 'fixed',
      budgetMinMinor: options.budgetMinMinor ?? max,
      budgetMaxMinor: max,
      currency: options.currency ?? 'USD',
      experienceLevel: options.experienceLevel ?? 'intermediate',
      visibility: options.visibility ?? 'public',
      ...(options.createdAt && { createdAt: options.createdAt, updatedAt: options.createdAt }),
    },
    options.skills ?? [],
  )
  return { projectId, title }
}

export type ProposalOptions = {
  amountMinor?: number
  coverLetter?: string
  durationDays?: number
  /** Fixed-price proposals: the milestones proposed (none: the whole project is one). */
  milestones?: { title: string; amountMinor: number }[]
}

/** A submitted proposal from an existing freelancer, stored by the app's own model (as after sending it). */
export async function createSubmittedProposal(
  projectId: string,
  freelancerEmail: string,
  options: ProposalOptions = {},
): Promise<string> {
  const project = await findProject(projectId)
  if (!project) throw new Error(`No project ${projectId}`)
  const proposal = await insertProposal({
    projectId,
    freelancerId: await userIdByEmail(freelancerEmail),
    coverLetter: options.coverLetter ?? 'I have built this kind of thing before.',
    bidType: project.budgetType,
    bidAmountMinor: options.amountMinor ?? 45_000,
    currency: project.currency,
    durationDays: options.durationDays ?? 14,
    milestones: (options.milestones ?? []).map((milestone) => ({ ...milestone, dueDate: null })),
    now: new Date(),
  })
  return proposal.id
}

export async function proposalStatus(proposalId: string): Promise<string | undefined> {
  return (await findProposal(proposalId))?.proposal.status
}

/** The newest notification titles of a user. */
export async function notificationTitles(email: string): Promise<string[]> {
  const rows = await listNotifications(await userIdByEmail(email), { limit: 20, offset: 0 })
  return rows.map((row) => row.title)
}

/** Writes a freelancer's headline and bio as the profile form would save them; the freelancer's id. */
export async function setFreelancerBio(freelancerEmail: string, bio: string): Promise<string> {
  const freelancerId = await userIdByEmail(freelancerEmail)
  await updateFreelancerProfile(freelancerId, { headline: 'Booking pages', bio })
  return freelancerId
}
