import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm'
import { PROPOSAL_MACHINE } from '~/domain/proposal-machine'
import { fromStates, toState } from '~/domain/state-machine'
import { getDb } from './db.server'
import {
  contractActivity,
  contracts,
  milestones,
  projectInvitations,
  projects,
  proposalMilestones,
  proposals,
} from './schema'
import { findRow, listRows, updateRows, userName } from './query-helpers.server'

export type Proposal = typeof proposals.$inferSelect
export type ProposalMilestone = typeof proposalMilestones.$inferSelect
type ProjectRow = typeof projects.$inferSelect

/**
 * Takes a decision (`action`) on the proposals `where` picks, of those in a state it moves from: the
 * conditional update both accepting one and declining the others are. Run inside their transaction.
 */
function decideProposals(action: 'accept' | 'not_hire', where: SQL | undefined, now: Date) {
  return getDb()
    .update(proposals)
    .set({ status: toState(PROPOSAL_MACHINE, action), decidedAt: now, updatedAt: now })
    .where(and(inArray(proposals.status, fromStates(PROPOSAL_MACHINE, action)), where))
}

export async function findProject(projectId: string): Promise<ProjectRow | undefined> {
  return findRow(projects, eq(projects.id, projectId))
}

export async function findInvitation(projectId: string, freelancerId: string) {
  return findRow(
    projectInvitations,
    and(eq(projectInvitations.projectId, projectId), eq(projectInvitations.freelancerId, freelancerId)),
  )
}

export async function findProposalOfFreelancer(projectId: string, freelancerId: string): Promise<Proposal | undefined> {
  return findRow(proposals, and(eq(proposals.projectId, projectId), eq(proposals.freelancerId, freelancerId)))
}

/** The proposal with its project and the freelancer's name. */
export async function findProposal(proposalId: string) {
  const row = getDb()
    .select({ proposal: proposals, project: projects, freelancerName: userName(proposals.freelancerId) })
    .from(proposals)
    .innerJoin(projects, eq(projects.id, proposals.projectId))
    .where(eq(proposals.id, proposalId))
    .get()
  return row
}

export async function listProposalMilestones(proposalId: string): Promise<ProposalMilestone[]> {
  return listRows(proposalMilestones, eq(proposalMilestones.proposalId, proposalId), asc(proposalMilestones.position))
}

type ProposalFields = {
  coverLetter: string
  bidType: 'fixed' | 'hourly'
  bidAmountMinor: number
  currency: string
  durationDays: number
  milestones: Array<{ title: string; amountMinor: number; dueDate: Date | null }>
}

function milestoneRows(proposalId: string, rows: ProposalFields['milestones']) {
  return rows.map((row, index) => ({ id: crypto.randomUUID(), proposalId, position: index + 1, ...row }))
}

/**
 * Stores a new proposal with its milestones and marks the freelancer's pending invitation to the
 * project accepted, in one transaction. The unique index refuses a second proposal for the project.
 */
export async function insertProposal(
  input: ProposalFields & { projectId: string; freelancerId: string; now: Date },
): Promise<Proposal> {
  const { milestones: rows, now, ...fields } = input
  return getDb().transaction((tx) => {
    const proposal = tx
      .insert(proposals)
      .values({ id: crypto.randomUUID(), ...fields, status: 'submitted', createdAt: now, updatedAt: now })
      .returning()
      .get()
    if (rows.length) tx.insert(proposalMilestones).values(milestoneRows(proposal.id, rows)).run()
    tx.update(projectInvitations)
      .set({ status: 'accepted', respondedAt: now, updatedAt: now })
      .where(
        and(
          eq(projectInvitations.projectId, input.projectId),
          eq(projectInvitations.freelancerId, input.freelancerId),
          eq(projectInvitations.status, 'pending'),
        ),
      )
      .run()
    return proposal
  })
}

/** Rewrites a submitted proposal and its milestones as its next revision; false when it is no longer submitted. */
export async function updateSubmittedProposal(
  proposalId: string,
  input: Omit<ProposalFields, 'bidType' | 'currency'> & { now: Date },
): Promise<boolean> {
  const { milestones: rows, now, ...fields } = input
  return getDb().transaction((tx) => {
    const changes = tx
      .update(proposals)
      .set({ ...fields, revision: sql`${proposals.revision} + 1`, updatedAt: now })
      .where(and(eq(proposals.id, proposalId), inArray(proposals.status, fromStates(PROPOSAL_MACHINE, 'edit'))))
      .run().changes
    if (changes === 0) return false
    tx.delete(proposalMilestones).where(eq(proposalMilestones.proposalId, proposalId)).run()
    if (rows.length) tx.insert(proposalMilestones).values(milestoneRows(proposalId, rows)).run()
    return true
  })
}

/** Records the client's first look; later looks keep the first time. */
export async function markProposalViewed(proposalId: string, at: Date): Promise<void> {
  updateRows(proposals, { viewedAt: at }, and(eq(proposals.id, proposalId), isNull(proposals.viewedAt)))
}

export async function setProposalShortlisted(proposalId: string, shortlisted: boolean, at: Date): Promise<boolean> {
  return updateRows(
    proposals,
    { shortlistedAt: shortlisted ? at : null, updatedAt: at },
    and(
      eq(proposals.id, proposalId),
      inArray(proposals.status, fromStates(PROPOSAL_MACHINE, shortlisted ? 'shortlist' : 'unshortlist')),
    ),
  )
}

/** Declines or withdraws a submitted proposal; false when it was no longer submitted. */
export async function closeSubmittedProposal(
  proposalId: string,
  change: { status: 'declined'; reason: string } | { status: 'withdrawn' },
  at: Date,
): Promise<boolean> {
  return updateRows(
    proposals,
    {
      status: change.status,
      declineReason: change.status === 'declined' ? change.reason : null,
      decidedAt: at,
      updatedAt: at,
    },
    and(
      eq(proposals.id, proposalId),
      inArray(proposals.status, fromStates(PROPOSAL_MACHINE, change.status === 'declined' ? 'decline' : 'withdraw')),
    ),
  )
}

export type AcceptOutcome =
  | { ok: true; contractId: string; notHired: Array<{ proposalId: string; freelancerId: string }> }
  | { ok: false; reason: 'not_submitted'; status: Proposal['status'] }
  | { ok: false; reason: 'project_closed' }
  | { ok: false; reason: 'changed'; current: Pick<Proposal, 'bidType' | 'bidAmountMinor' | 'currency' | 'revision'> }

/**
 * Hires the freelancer, all in one transaction: the proposal is accepted; a contract is created
 * (fixed: with the proposal's milestones, or one milestone for the whole price; hourly: with the
 * rate and a weekly limit); the project closes as hired; every other submitted proposal becomes
 * not_hired; the contract's activity log starts. Nothing is written when the proposal is no longer
 * submitted, is no longer the `revision` the client read, or the project is no longer open.
 */
export async function acceptProposal(input: {
  proposalId: string
  revision: number
  actorId: string
  weeklyLimitHours: number
  wholeProjectMilestoneTitle: string
  activityDetail: string
  now: Date
}): Promise<AcceptOutcome> {
  const { now } = input
  return getDb().transaction((tx): AcceptOutcome => {
    const proposal = tx.select().from(proposals).where(eq(proposals.id, input.proposalId)).get()
    if (!proposal || !fromStates(PROPOSAL_MACHINE, 'accept').includes(proposal.status))
      return { ok: false, reason: 'not_submitted', status: proposal?.status ?? 'withdrawn' }
    const project = tx.select().from(projects).where(eq(projects.id, proposal.projectId)).get()
    if (!project || project.status !== 'open') return { ok: false, reason: 'project_closed' }

    // The terms accepted are the ones read: the update holds only while the revision is unchanged.
    const accepted = decideProposals(
      'accept',
      and(eq(proposals.id, proposal.id), eq(proposals.revision, input.revision)),
      now,
    ).run().changes
    if (accepted === 0) {
      const { bidType, bidAmountMinor, currency, revision } = proposal
      return { ok: false, reason: 'changed', current: { bidType, bidAmountMinor, currency, revision } }
    }
    const hourly = proposal.bidType === 'hourly'
    const contract = tx
      .insert(contracts)
      .values({
        id: crypto.randomUUID(),
        projectId: project.id,
        proposalId: proposal.id,
        clientId: project.clientId,
        freelancerId: proposal.freelancerId,
        title: project.title,
        type: proposal.bidType,
        currency: proposal.currency,
        hourlyRateMinor: hourly ? proposal.bidAmountMinor : null,
        weeklyLimitHours: hourly ? input.weeklyLimitHours : null,
        status: 'active',
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get()
    if (!hourly) {
      const proposed = tx
        .select()
        .from(proposalMilestones)
        .where(eq(proposalMilestones.proposalId, proposal.id))
        .orderBy(asc(proposalMilestones.position))
        .all()
      const rows = proposed.length
        ? proposed.map((m, index) => ({
            title: m.title,
            amountMinor: m.amountMinor,
            dueDate: m.dueDate,
            position: index + 1,
          }))
        : [
            {
              title: input.wholeProjectMilestoneTitle,
              amountMinor: proposal.bidAmountMinor,
              dueDate: null,
              position: 1,
            },
          ]
      tx.insert(milestones)
        .values(
          rows.map((row) => ({
            id: crypto.randomUUID(),
            contractId: contract.id,
            ...row,
            status: 'pending' as const,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .run()
    }
    tx.update(projects)
      .set({ status: 'closed', closeReason: 'hired', closedAt: now, updatedAt: now })
      .where(eq(projects.id, project.id))
      .run()
    const notHired = decideProposals(
      'not_hire',
      and(eq(proposals.projectId, project.id), ne(proposals.id, proposal.id)),
      now,
    )
      .returning({ proposalId: proposals.id, freelancerId: proposals.freelancerId })
      .all()
    tx.insert(contractActivity)
      .values({
        id: crypto.randomUUID(),
        contractId: contract.id,
        actorId: input.actorId,
        kind: 'contract.started',
        detail: input.activityDetail,
        createdAt: now,
      })
      .run()
    return { ok: true, contractId: contract.id, notHired }
  })
}

export async function findContractOfProposal(proposalId: string) {
  return getDb().select({ id: contracts.id }).from(contracts).where(eq(contracts.proposalId, proposalId)).get()
}

/** What both sides' lists show of a proposal: its terms and where it stands. */
const proposalListFields = {
  id: proposals.id,
  bidType: proposals.bidType,
  bidAmountMinor: proposals.bidAmountMinor,
  currency: proposals.currency,
  durationDays: proposals.durationDays,
  status: proposals.status,
  viewedAt: proposals.viewedAt,
  createdAt: proposals.createdAt,
}

/** A project's proposals for its client, newest first, with the freelancers' names. */
export async function listProposalsOfProject(projectId: string, options: { shortlistedOnly: boolean }) {
  return getDb()
    .select({
      ...proposalListFields,
      freelancerId: proposals.freelancerId,
      freelancerName: userName(proposals.freelancerId),
      shortlistedAt: proposals.shortlistedAt,
    })
    .from(proposals)
    .where(
      and(eq(proposals.projectId, projectId), options.shortlistedOnly ? isNotNull(proposals.shortlistedAt) : undefined),
    )
    .orderBy(desc(proposals.createdAt))
    .all()
}

/** A freelancer's proposals, newest first, with their projects' titles. */
export async function listProposalsOfFreelancer(freelancerId: string) {
  return getDb()
    .select({ ...proposalListFields, projectId: proposals.projectId, projectTitle: projects.title })
    .from(proposals)
    .innerJoin(projects, eq(projects.id, proposals.projectId))
    .where(eq(proposals.freelancerId, freelancerId))
    .orderBy(desc(proposals.createdAt))
    .all()
}
