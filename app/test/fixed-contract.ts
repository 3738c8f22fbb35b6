import { findMilestone } from '~/models/contracts.server'
import { insertFixedContract } from './escrow-fixtures'
import { createTestUser } from './users'

/** An active fixed-price USD contract (“Landing page” unless titled) with one pending milestone “Design”. */
export async function createFixedContract(amountMinor = 50_000, title?: string) {
  const client = await createTestUser('client', { name: 'Clara' })
  const freelancer = await createTestUser('freelancer', { name: 'Felix' })
  const { contract, milestoneIds } = await insertFixedContract({
    clientId: client.id,
    freelancerId: freelancer.id,
    amounts: [amountMinor],
    title,
    milestoneTitles: ['Design'],
  })
  const milestone = (await findMilestone(contract.id, milestoneIds[0]!))!
  return {
    client: { ...client, role: 'client' as const },
    freelancer: { ...freelancer, role: 'freelancer' as const },
    contract,
    milestone,
  }
}
