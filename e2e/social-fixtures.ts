import './app-env'
import { insertNotification } from '~/models/notifications.server'
import { changeMilestone, listMilestones } from '~/models/contracts.server'
import { createFixedContract, endContractAt } from './contract-fixtures'
import { userIdByEmail } from './db-fixtures'

/**
 * A fixed-price contract between two existing users whose milestone was paid (its state only: no
 * money is moved), then ended by the client `endedDaysAgo` days ago: reviews are for paid work.
 */
export async function createEndedContract(clientEmail: string, freelancerEmail: string, endedDaysAgo = 1) {
  const created = await createFixedContract(clientEmail, freelancerEmail, {
    title: `Brand refresh ${crypto.randomUUID().slice(0, 6)}`,
    milestones: [{ title: 'Logo and colour palette', amountMinor: 80_000 }],
    experienceLevel: 'expert',
  })
  const [milestone] = await listMilestones(created.contractId)
  const paidAt = new Date(Date.now() - (endedDaysAgo + 1) * 86_400_000)
  changeMilestone({
    milestone: milestone!,
    from: ['pending'],
    set: { status: 'released', fundedAt: paidAt, submittedAt: paidAt, approvedAt: paidAt, releasedAt: paidAt },
    lines: [],
    at: paidAt,
  })
  await endContractAt(created.contractId, new Date(Date.now() - endedDaysAgo * 86_400_000))
  return created
}

/** In-app notifications for an existing user, the first given being the newest. */
export async function addNotifications(email: string, items: Array<{ title: string; body?: string; link?: string }>) {
  const userId = await userIdByEmail(email)
  // Oldest first: the list shows the last inserted first.
  for (const item of [...items].reverse()) {
    await insertNotification({
      userId,
      kind: 'account',
      title: item.title,
      body: item.body ?? '',
      link: item.link ?? null,
    })
  }
}
