import './app-env'
import { insertNotification } from '~/models/notifications.server'
import { createFixedContract } from './contract-fixtures'
import { userIdByEmail } from './db-fixtures'

/** A fixed-price contract between two existing users that the client ended `endedDaysAgo` days ago. */
export function createEndedContract(clientEmail: string, freelancerEmail: string, endedDaysAgo = 1) {
  return createFixedContract(clientEmail, freelancerEmail, {
    title: `Brand refresh ${crypto.randomUUID().slice(0, 6)}`,
    milestones: [{ title: 'Logo and colour palette', amountMinor: 80_000 }],
    experienceLevel: 'expert',
    endedDaysAgo,
  })
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
