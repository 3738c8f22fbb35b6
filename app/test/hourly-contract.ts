import { getDb } from '~/models/db.server'
import { findContract } from '~/models/contracts.server'
import { contracts, projects, proposals } from '~/models/schema'
import { createTestUser } from './users'

/** An active hourly contract at $40 an hour between two new users. */
export async function createHourlyTestContract(weeklyLimitHours: number | null = 20) {
  const client = await createTestUser('client')
  const freelancer = await createTestUser('freelancer')
  const db = getDb()
  const projectId = crypto.randomUUID()
  db.insert(projects)
    .values({
      id: projectId,
      clientId: client.id,
      title: 'Support our API',
      description: 'Ongoing work',
      budgetType: 'hourly',
      budgetMinMinor: 3000,
      budgetMaxMinor: 5000,
      experienceLevel: 'expert',
    })
    .run()
  const proposalId = crypto.randomUUID()
  db.insert(proposals)
    .values({
      id: proposalId,
      projectId,
      freelancerId: freelancer.id,
      coverLetter: 'I can help.',
      bidType: 'hourly',
      bidAmountMinor: 4000,
      currency: 'USD',
      durationDays: 30,
      status: 'accepted',
    })
    .run()
  const contractId = crypto.randomUUID()
  db.insert(contracts)
    .values({
      id: contractId,
      projectId,
      proposalId,
      clientId: client.id,
      freelancerId: freelancer.id,
      title: 'Support our API',
      type: 'hourly',
      currency: 'USD',
      hourlyRateMinor: 4000,
      weeklyLimitHours,
    })
    .run()
  const contract = await findContract(contractId)
  if (!contract) throw new Error('no contract')
  return { client, freelancer, contract }
}
