import './app-env'
import { findContract, listMilestones } from '~/models/contracts.server'
import { findProject } from '~/models/projects.server'
import {
  findContractOfProposal,
  findProposal,
  listProposalMilestones,
  listProposalsOfProject,
  updateSubmittedProposal,
} from '~/models/proposals.server'
import { createOpenProject, createSubmittedProposal } from './projects-fixtures'

/** An open, public fixed-price project ($1,000) of an existing client. */
export function createBookingSiteProject(clientEmail: string) {
  return createOpenProject(clientEmail, {
    description: 'A site where our customers book appointments online.',
    budgetMinor: 100_000,
  })
}

/** A submitted fixed-price proposal by an existing freelancer, as if sent through the form. */
export function insertProposal(projectId: string, freelancerEmail: string, amountMinor: number) {
  return createSubmittedProposal(projectId, freelancerEmail, {
    amountMinor,
    coverLetter: 'I built a booking site for a dental practice last year and can reuse what I learned.',
    durationDays: 21,
  })
}

/** What accepting a proposal left in the database. */
export async function readHire(projectId: string, proposalId: string) {
  const found = await findContractOfProposal(proposalId)
  const row = found && (await findContract(found.id))
  const contract = row && { id: row.id, type: row.type, title: row.title, currency: row.currency }
  const milestones = row ? (await listMilestones(row.id)).map(({ title, amountMinor }) => ({ title, amountMinor })) : []
  const { status, closeReason } = (await findProject(projectId))!
  const proposals = (await listProposalsOfProject(projectId, { shortlistedOnly: false })).map(({ id, status }) => ({
    id,
    status,
  }))
  return { contract, milestones, project: { status, closeReason }, proposals }
}

/** The freelancer edits their bid (as the edit form would): new price, next revision. */
export async function reviseBid(proposalId: string, amountMinor: number) {
  const { proposal } = (await findProposal(proposalId))!
  const milestones = await listProposalMilestones(proposalId)
  await updateSubmittedProposal(proposalId, {
    coverLetter: proposal.coverLetter,
    bidAmountMinor: amountMinor,
    durationDays: proposal.durationDays,
    milestones: milestones.map(({ title, amountMinor, dueDate }) => ({ title, amountMinor, dueDate })),
    now: new Date(),
  })
}
