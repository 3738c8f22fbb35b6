import { findContract, type Contract } from '~/models/contracts.server'
import { getDb } from '~/models/db.server'
import { contracts, milestones, projects, proposals } from '~/models/schema'

/**
 * A fixed-price contract between two existing users with the given milestones, inserted directly
 * (the proposal flow is tested elsewhere); money tests start from here.
 */
export async function insertFixedContract(input: {
  clientId: string
  freelancerId: string
  currency?: string
  amounts: number[]
  title?: string
  /** Milestone titles; "Part 1", "Part 2", … by default. */
  milestoneTitles?: string[]
}): Promise<{ contract: Contract; milestoneIds: string[] }> {
  const db = getDb()
  const currency = input.currency ?? 'USD'
  const title = input.title ?? 'Landing page'
  const total = input.amounts.reduce((sum, amount) => sum + amount, 0)
  const projectId = crypto.randomUUID()
  db.insert(projects)
    .values({
      id: projectId,
      clientId: input.clientId,
      title,
      description: title,
      budgetType: 'fixed',
      budgetMinMinor: total,
      budgetMaxMinor: total,
      currency,
      experienceLevel: 'expert',
      status: 'closed',
      closeReason: 'hired',
    })
    .run()
  const proposalId = crypto.randomUUID()
  db.insert(proposals)
    .values({
      id: proposalId,
      projectId,
      freelancerId: input.freelancerId,
      coverLetter: 'I can do it.',
      bidType: 'fixed',
      bidAmountMinor: total,
      currency,
      durationDays: 14,
      status: 'accepted',
    })
    .run()
  const contractId = crypto.randomUUID()
  db.insert(contracts)
    .values({
      id: contractId,
      projectId,
      proposalId,
      clientId: input.clientId,
      freelancerId: input.freelancerId,
      title,
      type: 'fixed',
      currency,
    })
    .run()
  const milestoneIds = input.amounts.map((amountMinor, index) => {
    const id = crypto.randomUUID()
    db.insert(milestones)
      .values({
        id,
        contractId,
        position: index + 1,
        title: input.milestoneTitles?.[index] ?? `Part ${index + 1}`,
        amountMinor,
      })
      .run()
    return id
  })
  const contract = await findContract(contractId)
  if (!contract) throw new Error('contract not inserted')
  return { contract, milestoneIds }
}
