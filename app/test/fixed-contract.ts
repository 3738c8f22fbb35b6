import { findContract, findMilestone } from '~/models/contracts.server'
import { getDb } from '~/models/db.server'
import { contracts, milestones, projects, proposals } from '~/models/schema'
import { createTestUser } from './users'

/** An active fixed-price USD contract with one pending milestone “Design”, as after a hire. */
export async function createFixedContract(amountMinor = 50_000) {
  const client = await createTestUser('client', { name: 'Clara' })
  const freelancer = await createTestUser('freelancer', { name: 'Felix' })
  const db = getDb()
  const projectId = crypto.randomUUID()
  db.insert(projects)
    .values({ id: projectId, clientId: client.id, title: 'Landing page', description: 'A landing page', budgetType: 'fixed', budgetMinMinor: amountMinor, budgetMaxMinor: amountMinor, experienceLevel: 'expert', status: 'closed', closeReason: 'hired' })
    .run()
  const proposalId = crypto.randomUUID()
  db.insert(proposals)
    .values({ id: proposalId, projectId, freelancerId: freelancer.id, coverLetter: 'I can build it.', bidType: 'fixed', bidAmountMinor: amountMinor, currency: 'USD', durationDays: 14, status: 'accepted' })
    .run()
  const contractId = crypto.randomUUID()
  db.insert(contracts).values({ id: contractId, projectId, proposalId, clientId: client.id, freelancerId: freelancer.id, title: 'Landing page', type: 'fixed', currency: 'USD' }).run()
  const milestoneId = crypto.randomUUID()
  db.insert(milestones).values({ id: milestoneId, contractId, position: 1, title: 'Design', amountMinor }).run()
  const contract = (await findContract(contractId))!
  const milestone = (await findMilestone(contractId, milestoneId))!
  return { client: { ...client, role: 'client' }, freelancer: { ...freelancer, role: 'freelancer' }, contract, milestone }
}
