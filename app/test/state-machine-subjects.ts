import { findContract, findMilestone, type Contract } from '~/models/contracts.server'
import { findDispute } from '~/models/disputes.server'
import { openMilestoneDispute } from '~/services/marketplace/disputes.server'
import { performMilestoneAction } from '~/services/marketplace/contracts.server'
import { insertFixedContract } from './escrow-fixtures'
import { createTestUser } from './users'
import { topUpWallet } from './wallet'

const MILESTONE_AMOUNT = 50_000

type Person = { id: string; name: string; email: string }
export type Parties = { client: Person & { role: 'client' }; freelancer: Person & { role: 'freelancer' } }
export type Admin = Person & { role: 'admin' }

/** One client, one freelancer and one admin shared by a test file's subjects (hashing a password is slow). */
export async function createParties(): Promise<Parties & { admin: Admin }> {
  const [client, freelancer, admin] = await Promise.all([
    createTestUser('client', { name: 'Clara' }),
    createTestUser('freelancer', { name: 'Felix' }),
    createTestUser('admin', { name: 'Ada' }),
  ])
  return {
    client: { ...client, role: 'client' },
    freelancer: { ...freelancer, role: 'freelancer' },
    admin: { ...admin, role: 'admin' },
  }
}

export type MilestoneSubject = { contractId: string; milestoneId: string }

export async function createMilestoneSubject(parties: Parties): Promise<MilestoneSubject> {
  const { contract, milestoneIds } = await insertFixedContract({
    clientId: parties.client.id,
    freelancerId: parties.freelancer.id,
    amounts: [MILESTONE_AMOUNT],
  })
  return { contractId: contract.id, milestoneId: milestoneIds[0]! }
}

/** The contract and milestone as stored now (a move may have ended the contract). */
export async function loadMilestoneSubject(subject: MilestoneSubject) {
  const contract = (await findContract(subject.contractId)) as Contract
  const milestone = (await findMilestone(subject.contractId, subject.milestoneId))!
  return { contract, milestone }
}

/** The client funds the milestone from a wallet topped up for it. */
export async function fundFromWallet(parties: Parties, subject: MilestoneSubject): Promise<boolean> {
  const { contract } = await loadMilestoneSubject(subject)
  await topUpWallet(parties.client.id, MILESTONE_AMOUNT)
  const outcome = await performMilestoneAction(parties.client, contract, 'client', subject.milestoneId, 'fund', {
    method: 'wallet',
  })
  return outcome.ok
}

/** The freelancer opens a dispute about the milestone; its id, or null when refused. */
export async function openDispute(parties: Parties, subject: MilestoneSubject): Promise<string | null> {
  const { contract, milestone } = await loadMilestoneSubject(subject)
  const found = await openMilestoneDispute(parties.freelancer, contract, milestone, {
    reason: 'The client stopped answering',
    evidence: 'Messages from last week',
    file: null,
  })
  return found.ok && found.dispute ? found.dispute.id : null
}

export async function loadDispute(disputeId: string) {
  return (await findDispute(disputeId))!
}
