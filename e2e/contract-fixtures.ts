import './app-env'
import { endContractRow, findContract } from '~/models/contracts.server'
import type { ExperienceLevel } from '~/domain/enums'
import { acceptProposal } from '~/models/proposals.server'
import { WHOLE_PROJECT_MILESTONE } from '~/services/marketplace/proposal-rules'
import { userIdByEmail } from './db-fixtures'
import { createOpenProject, createSubmittedProposal } from './projects-fixtures'

const DAY_MS = 86_400_000

/**
 * The client accepts a submitted proposal: the app's own hiring transaction (contract, milestones,
 * project closed, other proposals not hired), without the notices the Accept button also sends.
 */
export async function startContract(proposalId: string, clientId: string, weeklyLimitHours = 20): Promise<string> {
  const accepted = await acceptProposal({
    proposalId,
    revision: 1,
    actorId: clientId,
    weeklyLimitHours,
    wholeProjectMilestoneTitle: WHOLE_PROJECT_MILESTONE,
    activityDetail: 'The client accepted the proposal and started the contract.',
    now: new Date(),
  })
  if (!accepted.ok) throw new Error(`The proposal could not be accepted: ${accepted.reason}`)
  return accepted.contractId
}

/** The client ends the contract at `at` (the app's own transaction, without the notice). */
export async function endContractAt(contractId: string, at: Date, reason = 'Work delivered') {
  const contract = await findContract(contractId)
  if (!contract) throw new Error(`No contract ${contractId}`)
  const ended = endContractRow({
    contract,
    endedBy: contract.clientId,
    reason,
    line: { actorId: contract.clientId, kind: 'contract.ended', detail: `The client ended the contract: ${reason}` },
    at,
    alongside: () => {},
  })
  if (!ended.ended) throw new Error(`The contract ${contractId} had already ended`)
}

export type FixedContractOptions = {
  /** The contract's milestones (amounts in minor units), not yet funded. */
  milestones: { title: string; amountMinor: number }[]
  /** A unique "Checkout redesign …" title by default. */
  title?: string
  currency?: string
  skills?: string[]
  experienceLevel?: ExperienceLevel
  /** Ends the contract, as the client would, this many days ago (it stays active without). */
  endedDaysAgo?: number
}

/**
 * A fixed-price contract between two existing users, made the way the app makes one: the client's
 * project, the freelancer's proposal with these milestones, and the client's acceptance. Every
 * spec that needs a fixed-price contract starts from here.
 */
export async function createFixedContract(clientEmail: string, freelancerEmail: string, options: FixedContractOptions) {
  const total = options.milestones.reduce((sum, milestone) => sum + milestone.amountMinor, 0)
  const { projectId, title } = await createOpenProject(clientEmail, {
    title: options.title ?? `Checkout redesign ${crypto.randomUUID().slice(0, 6)}`,
    description: 'Redesign our checkout flow.',
    budgetMinor: total,
    currency: options.currency,
    skills: options.skills,
    experienceLevel: options.experienceLevel,
  })
  const proposalId = await createSubmittedProposal(projectId, freelancerEmail, {
    amountMinor: total,
    coverLetter: 'I have redesigned three checkouts this year.',
    durationDays: 21,
    milestones: options.milestones,
  })
  const contractId = await startContract(proposalId, await userIdByEmail(clientEmail))
  if (options.endedDaysAgo !== undefined)
    await endContractAt(contractId, new Date(Date.now() - options.endedDaysAgo * DAY_MS))
  return { contractId, title }
}
