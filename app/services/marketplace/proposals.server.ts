import type { SessionUser } from '~/models/users.server'
import {
  acceptProposal,
  closeSubmittedProposal,
  findContractOfProposal,
  findInvitation,
  findProject,
  findProposal,
  findProposalOfFreelancer,
  insertProposal,
  listProposalMilestones,
  markProposalViewed,
  setProposalShortlisted,
  updateSubmittedProposal,
} from '~/models/proposals.server'
import { notify } from '~/services/notifications/notify.server'
import { tellAboutProposal } from './proposal-notices.server'
import {
  actionProblem,
  bidText,
  DEFAULT_WEEKLY_LIMIT_HOURS,
  WHOLE_PROJECT_MILESTONE,
  type ProposalAction,
  type ProposalRole,
} from './proposal-rules'
import type { ProposalInput } from './proposal-schemas'
import { screenAccount } from '~/services/fraud/screening.server'
import { takeAccountQuota } from '~/services/security/throttle.server'
import { detectOffPlatformInPost } from '~/services/messaging/off-platform'
import { recordLetterSimilarity } from '~/services/quality/letter-similarity.server'

export type FoundProposal = NonNullable<Awaited<ReturnType<typeof findProposal>>>
type Project = NonNullable<Awaited<ReturnType<typeof findProject>>>

export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; reason: 'not-found' | 'conflict'; message: string }

/**
 * Whether a freelancer may see the project at all: it exists, is not hidden by an admin, and is
 * public or they were invited to it. Anything else is, for them, not there.
 */
async function findProjectVisibleTo(projectId: string, freelancerId: string): Promise<Project | undefined> {
  const project = await findProject(projectId)
  if (!project || project.hiddenAt) return undefined
  if (project.visibility === 'public') return project
  return (await findInvitation(project.id, freelancerId)) ? project : undefined
}

export type ProposeContext =
  | { kind: 'not_found' }
  | { kind: 'closed'; project: Project }
  | { kind: 'existing'; proposalId: string }
  | { kind: 'ok'; project: Project }

/** What the propose page can do for this freelancer and project. */
export async function loadProposeContext(projectId: string, freelancerId: string): Promise<ProposeContext> {
  const project = await findProjectVisibleTo(projectId, freelancerId)
  if (!project) return { kind: 'not_found' }
  const existing = await findProposalOfFreelancer(project.id, freelancerId)
  if (existing) return { kind: 'existing', proposalId: existing.id }
  if (project.status !== 'open') return { kind: 'closed', project }
  return { kind: 'ok', project }
}

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    String((error as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT')
  )
}

/**
 * Sends the proposal and tells the client. A second proposal for the same project is refused; past
 * the freelancer's quota of proposals, Throttled and nothing is sent.
 */
export async function submitProposal(
  project: Project,
  freelancer: SessionUser,
  input: ProposalInput,
  now = new Date(),
): Promise<{ ok: true; proposalId: string } | { ok: false; existingProposalId: string }> {
  await takeAccountQuota('proposal', freelancer, now)
  let proposalId: string
  try {
    const proposal = await insertProposal({
      projectId: project.id,
      freelancerId: freelancer.id,
      coverLetter: input.coverLetter,
      bidType: project.budgetType,
      bidAmountMinor: input.bidMinor,
      currency: project.currency,
      durationDays: input.durationDays,
      milestones: input.milestones,
      now,
    })
    proposalId = proposal.id
  } catch (error) {
    const existing = isUniqueViolation(error) ? await findProposalOfFreelancer(project.id, freelancer.id) : undefined
    if (existing) return { ok: false, existingProposalId: existing.id }
    throw error
  }
  await notify({
    userId: project.clientId,
    kind: 'proposal_received',
    title: `New proposal on “${project.title}” from ${freelancer.name}`,
    body: `${bidText({ bidType: project.budgetType, bidAmountMinor: input.bidMinor, currency: project.currency })}, ${input.durationDays} days.`,
    link: `/proposals/${proposalId}`,
  })
  await recordLetterSimilarity(
    { id: proposalId, projectId: project.id, freelancerId: freelancer.id, coverLetter: input.coverLetter },
    now,
  )
  await screenAccount(freelancer.id, now)
  return { ok: true, proposalId }
}

/** How this user stands to the proposal, or null when it is none of their business (then 404). */
export function proposalRoleOf(found: FoundProposal, user: SessionUser): ProposalRole | null {
  if (found.proposal.freelancerId === user.id) return 'freelancer'
  if (found.project.clientId === user.id) return 'client'
  if (user.role === 'admin') return 'admin'
  return null
}

function check(role: ProposalRole, found: FoundProposal, action: ProposalAction): Outcome {
  const problem = actionProblem(
    role,
    { status: found.proposal.status, shortlisted: found.proposal.shortlistedAt !== null },
    action,
  )
  return problem ? { ok: false, reason: 'conflict', message: problem } : { ok: true }
}

/** Everything the proposal page shows; the client's first look is recorded for the freelancer. */
export async function openProposal(found: FoundProposal, role: ProposalRole, now = new Date()) {
  const { proposal, project } = found
  let viewedAt = proposal.viewedAt
  if (role === 'client' && !viewedAt) {
    await markProposalViewed(proposal.id, now)
    viewedAt = now
  }
  const [milestoneRows, contract] = await Promise.all([
    listProposalMilestones(proposal.id),
    proposal.status === 'accepted' ? findContractOfProposal(proposal.id) : undefined,
  ])
  return {
    proposal: {
      id: proposal.id,
      coverLetter: proposal.coverLetter,
      bidType: proposal.bidType,
      bidAmountMinor: proposal.bidAmountMinor,
      currency: proposal.currency,
      durationDays: proposal.durationDays,
      status: proposal.status,
      shortlisted: proposal.shortlistedAt !== null,
      viewedAt: viewedAt?.toISOString() ?? null,
      declineReason: proposal.declineReason,
      decidedAt: proposal.decidedAt?.toISOString() ?? null,
      createdAt: proposal.createdAt.toISOString(),
      updatedAt: proposal.updatedAt.toISOString(),
      revision: proposal.revision,
      freelancerId: proposal.freelancerId,
      freelancerName: found.freelancerName,
      // Contact details or payment outside escrow in the letter, as a message would be flagged.
      offPlatformReasons: detectOffPlatformInPost(proposal.coverLetter),
    },
    project: { id: project.id, title: project.title, status: project.status },
    milestones: milestoneRows.map((m) => ({
      id: m.id,
      title: m.title,
      amountMinor: m.amountMinor,
      dueDate: m.dueDate?.toISOString() ?? null,
    })),
    contractId: contract?.id ?? null,
  }
}

export async function editProposal(found: FoundProposal, input: ProposalInput, now = new Date()): Promise<Outcome> {
  const allowed = check('freelancer', found, 'edit')
  if (!allowed.ok) return allowed
  await takeAccountQuota('proposal-edit', { id: found.proposal.freelancerId, role: 'freelancer' }, now)
  const done = await updateSubmittedProposal(found.proposal.id, {
    coverLetter: input.coverLetter,
    bidAmountMinor: input.bidMinor,
    durationDays: input.durationDays,
    milestones: found.proposal.bidType === 'fixed' ? input.milestones : [],
    now,
  })
  if (!done)
    return {
      ok: false,
      reason: 'conflict',
      message: 'This proposal was decided meanwhile; it can no longer be edited.',
    }
  await recordLetterSimilarity({ ...found.proposal, coverLetter: input.coverLetter }, now)
  await tellAboutProposal(
    found.project.clientId,
    found.proposal.id,
    `${found.freelancerName} updated their proposal on “${found.project.title}”`,
    `${bidText({ ...found.proposal, bidAmountMinor: input.bidMinor })}, ${input.durationDays} days.`,
  )
  return { ok: true }
}

/** The 409 when the proposal was accepted, declined or withdrawn since the page was shown. */
function decidedMeanwhile(now?: 'withdrawn' | 'declined'): Outcome {
  const message = now
    ? `This proposal was decided meanwhile; it can no longer be ${now}.`
    : 'This proposal was decided meanwhile.'
  return { ok: false, reason: 'conflict', message }
}

export async function withdrawProposal(found: FoundProposal, now = new Date()): Promise<Outcome> {
  const allowed = check('freelancer', found, 'withdraw')
  if (!allowed.ok) return allowed
  if (!(await closeSubmittedProposal(found.proposal.id, { status: 'withdrawn' }, now)))
    return decidedMeanwhile('withdrawn')
  await tellAboutProposal(
    found.project.clientId,
    found.proposal.id,
    `${found.freelancerName} withdrew their proposal on “${found.project.title}”`,
  )
  return { ok: true }
}

/** The client's own shortlist; the freelancer is not told. */
export async function shortlistProposal(
  found: FoundProposal,
  shortlisted: boolean,
  now = new Date(),
): Promise<Outcome> {
  const allowed = check('client', found, shortlisted ? 'shortlist' : 'unshortlist')
  if (!allowed.ok) return allowed
  if (!(await setProposalShortlisted(found.proposal.id, shortlisted, now))) return decidedMeanwhile()
  return { ok: true }
}

export async function declineProposal(found: FoundProposal, reason: string, now = new Date()): Promise<Outcome> {
  const allowed = check('client', found, 'decline')
  if (!allowed.ok) return allowed
  if (!(await closeSubmittedProposal(found.proposal.id, { status: 'declined', reason }, now)))
    return decidedMeanwhile('declined')
  await tellAboutProposal(
    found.proposal.freelancerId,
    found.proposal.id,
    `Your proposal on “${found.project.title}” was declined`,
    reason,
  )
  return { ok: true }
}

/** Accepting names terms that are no longer the proposal's: the client reads the new ones first. */
export type HireOutcome =
  Outcome<{ contractId: string }> | { ok: false; reason: 'conflict'; message: string; changed: true }

function changedTerms(freelancerName: string, current: Parameters<typeof bidText>[0]): HireOutcome {
  return {
    ok: false,
    reason: 'conflict',
    changed: true,
    message: `${freelancerName} changed this proposal: new bid ${bidText(current)}. Review and accept again.`,
  }
}

/**
 * The client hires the freelancer on the terms of `seenRevision`, the revision their page showed:
 * see `acceptProposal` for what happens in the one transaction. Then the freelancer hears they are
 * hired and every other applicant that they were not.
 */
export async function acceptAndStartContract(
  found: FoundProposal,
  client: SessionUser,
  seenRevision: number,
  now = new Date(),
): Promise<HireOutcome> {
  const allowed = check('client', found, 'accept')
  if (!allowed.ok) return allowed
  const { proposal, project } = found
  if (proposal.revision !== seenRevision) return changedTerms(found.freelancerName, proposal)
  const terms =
    proposal.bidType === 'hourly'
      ? `${bidText(proposal)}, up to ${DEFAULT_WEEKLY_LIMIT_HOURS} h a week`
      : bidText(proposal)
  const outcome = await acceptProposal({
    proposalId: proposal.id,
    revision: seenRevision,
    actorId: client.id,
    weeklyLimitHours: DEFAULT_WEEKLY_LIMIT_HOURS,
    wholeProjectMilestoneTitle: WHOLE_PROJECT_MILESTONE,
    activityDetail: `${client.name} accepted ${found.freelancerName}’s proposal and started the contract: ${terms}.`,
    now,
  })
  if (!outcome.ok && outcome.reason === 'changed') return changedTerms(found.freelancerName, outcome.current)
  if (!outcome.ok) {
    const message =
      outcome.reason === 'project_closed'
        ? 'This project is closed, so no proposal can be accepted any more.'
        : (actionProblem('client', { status: outcome.status, shortlisted: false }, 'accept') ??
          'This proposal can no longer be accepted.')
    return { ok: false, reason: 'conflict', message }
  }
  await notify({
    userId: proposal.freelancerId,
    kind: 'contract_update',
    title: `You are hired for “${project.title}”`,
    body: `${client.name} accepted your proposal: ${terms}. The contract has started.`,
    link: `/contracts/${outcome.contractId}`,
  })
  for (const other of outcome.notHired) {
    await tellAboutProposal(
      other.freelancerId,
      other.proposalId,
      `“${project.title}” was filled by another freelancer`,
      'The client hired someone else for this project. Thank you for your proposal.',
    )
  }
  return { ok: true, contractId: outcome.contractId }
}

export { findProposal }
