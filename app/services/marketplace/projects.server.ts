/** Posting, editing, closing, reopening, inviting to and moderating projects. */
import {
  acceptInvitationsAnsweredByProposals,
  answerInvitation,
  closeProjectWithoutHire,
  countProposalsOfProject,
  createProjectWithSkills,
  findInvitation,
  findInvitationById,
  findProject,
  findProposalOfFreelancer,
  insertInvitation,
  listAnsweredInvitationsOfProject,
  listSkillsOfProject,
  listSkillsOfProjects,
  reopenProject,
  setProjectHidden,
  updateProjectWithSkills,
  type Project,
} from '~/models/projects.server'
import { findClientProfile } from '~/models/profiles.server'
import { reviewStatsOf } from '~/models/reviews.server'
import { findUserByEmail, findUserById, type SessionUser } from '~/models/users.server'
import { Conflict, NotFound } from '~/services/domain-errors'
import { notify, notifyInAppFirst } from '~/services/notifications/notify.server'
import { detectOffPlatformInPost } from '~/services/messaging/off-platform'
import { takeAccountQuota } from '~/services/security/throttle.server'
import { currencyDigits } from '~/utils/format'
import { minorToAmountText } from '~/utils/money'
import { notifySavedSearchMatches } from './saved-searches.server'
import { tellAboutProposal } from './proposal-notices.server'
import { actionNotAllowed, canViewProject, ownerActions, type OwnerAction } from './project-rules'
import type { ProjectFormValue, ProjectInput } from './project-schemas'

/**
 * Posts the project, then tells freelancers whose saved searches it matches (public projects only).
 * Past the client's quota of projects, Throttled and nothing is posted.
 */
export async function postProject(client: Pick<SessionUser, 'id' | 'role'>, input: ProjectInput): Promise<string> {
  await takeAccountQuota('project', client)
  const { skills, ...values } = input
  const id = await createProjectWithSkills({ ...values, clientId: client.id }, skills)
  const project = await findProject(id)
  if (project) await notifySavedSearchMatches(project)
  return id
}

/** The project when the viewer may see it; otherwise NotFound is thrown. */
export async function requireVisibleProject(
  projectId: string | undefined,
  viewer: Pick<SessionUser, 'id' | 'role'>,
): Promise<Project> {
  const project = projectId ? await findProject(projectId) : undefined
  if (!project) throw new NotFound()
  // An invite-only project is also open to a freelancer who already applied (e.g. before it became invite only).
  const invited =
    viewer.role === 'freelancer' && project.visibility === 'invite_only'
      ? Boolean(
          (await findInvitation(project.id, viewer.id)) ?? (await findProposalOfFreelancer(project.id, viewer.id)),
        )
      : false
  if (!canViewProject(project, viewer, invited)) throw new NotFound()
  return project
}

/** The project when the user owns it; anyone else gets NotFound (they do not learn it exists). */
export async function requireOwnProject(projectId: string | undefined, user: SessionUser): Promise<Project> {
  const project = projectId ? await findProject(projectId) : undefined
  if (!project || project.clientId !== user.id) throw new NotFound()
  return project
}

/** Conflict (saying what is allowed) unless the project's state allows the owner action. */
export function assertOwnerAction(project: Project, action: OwnerAction): void {
  const allowed = ownerActions(project)
  if (!allowed.includes(action)) throw new Conflict(actionNotAllowed(action, allowed))
}

/** The edit form's starting values. */
export async function projectFormDefaults(project: Project): Promise<ProjectFormValue> {
  const skills = await listSkillsOfProject(project.id)
  const digits = currencyDigits(project.currency)
  const text = (minor: number) => minorToAmountText(minor, digits)
  const fixed = project.budgetType === 'fixed'
  return {
    title: project.title,
    description: project.description,
    skills: skills.join(', '),
    budgetType: project.budgetType,
    amount: fixed ? text(project.budgetMaxMinor) : undefined,
    rateMin: fixed ? undefined : text(project.budgetMinMinor),
    rateMax: fixed ? undefined : text(project.budgetMaxMinor),
    currency: project.currency as ProjectFormValue['currency'],
    deadline: project.deadline ? project.deadline.toISOString().slice(0, 10) : undefined,
    experienceLevel: project.experienceLevel,
    visibility: project.visibility,
  }
}

export async function editProject(project: Project, input: ProjectInput): Promise<void> {
  assertOwnerAction(project, 'edit')
  const { skills, ...changes } = input
  await updateProjectWithSkills(project.id, changes, skills)
}

/** Closes without a hire; every freelancer whose proposal was still open is told. Returns how many. */
export async function closeWithoutHire(project: Project, now = new Date()): Promise<number> {
  assertOwnerAction(project, 'close')
  const changed = await closeProjectWithoutHire(project.id, now)
  if (changed === null) throw new Conflict(actionNotAllowed('close', ownerActions({ ...project, status: 'closed' })))
  for (const proposal of changed) {
    await tellAboutProposal(
      proposal.freelancerId,
      proposal.id,
      `“${project.title}” was closed without a hire`,
      'The client closed this project without hiring anyone. Thank you for your proposal.',
    )
  }
  return changed.length
}

export async function reopen(project: Project): Promise<void> {
  assertOwnerAction(project, 'reopen')
  if (!(await reopenProject(project.id))) throw new Conflict(actionNotAllowed('reopen', []))
}

/**
 * Invites a freelancer by email to an open project and tells them. The caller answers the same
 * whatever the address is (a freelancer's, a client's, a blocked account's, nobody's, or someone
 * already invited), so the form cannot be used to learn who has an account or of which kind.
 * Only a freelancer who can take the invitation hears of it; an unknown address gets no email,
 * since MegiLance does not write to strangers on a client's behalf. Resolves once the freelancer
 * is told in the app; `emailSent` settles when the email has gone, and a page answering the client
 * does not wait for it, so the answer's timing says nothing either. Past the inviter's quota of
 * invitations, Throttled and nothing is sent.
 */
export async function inviteFreelancer(
  project: Project,
  input: { email: string; message?: string },
  inviter: Pick<SessionUser, 'id' | 'role'>,
): Promise<{ emailSent: Promise<void> }> {
  assertOwnerAction(project, 'invite')
  // Every invitation counts, whoever the address is, so the quota says nothing about accounts either.
  await takeAccountQuota('invitation', inviter)
  const nobody = { emailSent: Promise.resolve() }
  const freelancer = await findUserByEmail(input.email)
  if (!freelancer || freelancer.role !== 'freelancer' || freelancer.blockedAt) return nobody
  const id = await insertInvitation({
    projectId: project.id,
    freelancerId: freelancer.id,
    message: input.message ?? '',
  })
  // Already invited: they were told the first time.
  if (!id) return nobody
  return notifyInAppFirst({
    userId: freelancer.id,
    kind: 'project_invitation',
    title: `You are invited to “${project.title}”`,
    body: input.message ?? '',
    link: `/projects/${project.id}`,
  })
}

async function requireOwnInvitation(invitationId: string, freelancerId: string) {
  const invitation = await findInvitationById(invitationId)
  if (!invitation || invitation.freelancerId !== freelancerId) throw new NotFound()
  const project = await findProject(invitation.projectId)
  if (!project) throw new NotFound()
  return { invitation, project }
}

/** The freelancer declines; the client is told, with the reason when given. */
export async function declineInvitation(
  invitationId: string,
  freelancer: SessionUser,
  reason?: string,
): Promise<Project> {
  const { project } = await requireOwnInvitation(invitationId, freelancer.id)
  if (!(await answerInvitation(invitationId, 'declined'))) {
    throw new Conflict('This invitation is already answered.')
  }
  await notify({
    userId: project.clientId,
    kind: 'project_invitation',
    title: `${freelancer.name} declined your invitation to “${project.title}”`,
    body: reason ? `Their reason: ${reason}` : '',
    link: `/projects/${project.id}`,
  })
  return project
}

/** The freelancer accepts (they go on to write a proposal); the client is told. Already accepted is fine. */
export async function acceptInvitation(invitationId: string, freelancer: SessionUser): Promise<Project> {
  const { invitation, project } = await requireOwnInvitation(invitationId, freelancer.id)
  if (invitation.status === 'declined') throw new Conflict('You declined this invitation.')
  if (project.status !== 'open' || project.hiddenAt) throw new Conflict('This project is no longer open for proposals.')
  if (await answerInvitation(invitationId, 'accepted')) {
    await notify({
      userId: project.clientId,
      kind: 'project_invitation',
      title: `${freelancer.name} accepted your invitation to “${project.title}”`,
      body: 'They are writing a proposal.',
      link: `/projects/${project.id}`,
    })
  }
  return project
}

export async function syncInvitationsWithProposals(freelancerId: string): Promise<void> {
  await acceptInvitationsAnsweredByProposals(freelancerId)
}

export async function hideProject(project: Project, reason: string, now = new Date()): Promise<void> {
  await setProjectHidden(project.id, { at: now, reason })
  await notify({
    userId: project.clientId,
    kind: 'account',
    title: `Your project “${project.title}” is hidden by a moderator`,
    body: `Reason: ${reason}`,
    link: `/projects/${project.id}`,
  })
}

export async function restoreProject(project: Project): Promise<void> {
  await setProjectHidden(project.id, null)
  await notify({
    userId: project.clientId,
    kind: 'account',
    title: `Your project “${project.title}” is visible again`,
    link: `/projects/${project.id}`,
  })
}

/** Everything the project page shows, shaped for this viewer. */
export async function loadProjectPage(project: Project, viewer: SessionUser | null) {
  const [skillMap, client, clientProfile, clientReviews] = await Promise.all([
    listSkillsOfProjects([project.id]),
    findUserById(project.clientId),
    findClientProfile(project.clientId),
    reviewStatsOf(project.clientId),
  ])
  const isOwner = viewer?.id === project.clientId
  const isFreelancer = viewer?.role === 'freelancer'
  if (viewer && isFreelancer) await syncInvitationsWithProposals(viewer.id)
  const invitation = viewer && isFreelancer ? await findInvitation(project.id, viewer.id) : undefined
  return {
    project: {
      id: project.id,
      title: project.title,
      description: project.description,
      budgetType: project.budgetType,
      budgetMinMinor: project.budgetMinMinor,
      budgetMaxMinor: project.budgetMaxMinor,
      currency: project.currency,
      deadline: project.deadline,
      experienceLevel: project.experienceLevel,
      visibility: project.visibility,
      status: project.status,
      closeReason: project.closeReason,
      closedAt: project.closedAt,
      createdAt: project.createdAt,
      hiddenAt: project.hiddenAt,
      hiddenReason: isOwner || viewer?.role === 'admin' ? project.hiddenReason : null,
      skills: skillMap.get(project.id) ?? [],
      // Contact details or payment outside escrow in the post itself, as a message would be flagged.
      offPlatformReasons: detectOffPlatformInPost(`${project.title}\n${project.description}`),
    },
    client: {
      id: project.clientId,
      name: client?.name ?? 'A client',
      // The settings page promises the company is shown to freelancers on the client's projects.
      company: clientProfile?.company || null,
      reviews: { count: clientReviews.count, average: clientReviews.average },
    },
    isOwner,
    isAdmin: viewer?.role === 'admin',
    isFreelancer,
    ownerActions: isOwner ? ownerActions(project) : [],
    proposalCounts: isOwner || viewer?.role === 'admin' ? await countProposalsOfProject(project.id) : null,
    // Only answered ones: a pending invitation listed by name would tell the client which typed address is a freelancer.
    invitations: isOwner ? await listAnsweredInvitationsOfProject(project.id) : [],
    myProposal: viewer && isFreelancer ? ((await findProposalOfFreelancer(project.id, viewer.id)) ?? null) : null,
    myInvitation: invitation
      ? {
          id: invitation.id,
          status: invitation.status,
          message: invitation.message,
          // The client's message asking to move contact off MegiLance, warned about as on the Invitations page.
          offPlatformReasons: invitation.message ? detectOffPlatformInPost(invitation.message) : [],
        }
      : null,
  }
}
