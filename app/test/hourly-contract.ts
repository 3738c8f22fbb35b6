import { insertHiredContract } from './escrow-fixtures'
import { createTestUser } from './users'

/** An active hourly contract at $40 an hour between two new users. */
export async function createHourlyTestContract(weeklyLimitHours: number | null = 20) {
  const client = await createTestUser('client')
  const freelancer = await createTestUser('freelancer')
  const contract = await insertHiredContract({
    clientId: client.id,
    freelancerId: freelancer.id,
    type: 'hourly',
    title: 'Support our API',
    amountMinor: 4000,
    contract: { weeklyLimitHours },
  })
  return { client, freelancer, contract }
}
