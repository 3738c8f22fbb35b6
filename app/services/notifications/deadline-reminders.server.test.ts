import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { DAY_MS } from '~/domain/durations'
import { getDb } from '~/models/db.server'
import { listNotifications, saveEmailPreferences } from '~/models/notifications.server'
import { listOutbox } from '~/models/outbox.server'
import { disputes, reviews } from '~/models/schema'
import { NOTIFICATION_KINDS } from '~/domain/enums'
import {
  fixedContractBetweenNewUsers,
  insertHiredContract,
  insertOpenDispute,
  insertReleasedMilestone,
} from '~/test/escrow-fixtures'
import { createTestUser } from '~/test/users'
import { runDeadlineReminders } from './deadline-reminders.server'

const NOW = new Date('2026-11-25T12:00:00Z')

const titlesOf = async (userId: string) =>
  (await listNotifications(userId, { limit: 20, offset: 0 })).map((notification) => notification.title)
const emailsTo = async (email: string) => (await listOutbox({ to: email, page: 1, pageSize: 20 })).rows

async function disputeOpenedDaysAgo(days: number) {
  const { client, freelancer, contract, milestoneIds } = await fixedContractBetweenNewUsers([500_00], {
    title: `Shop ${days}`,
  })
  const {
    dispute: { dispute },
  } = await insertOpenDispute({
    contractId: contract.id,
    milestoneId: milestoneIds[0]!,
    openedBy: client.id,
    reason: 'The work did not arrive',
    amountMinor: 500_00,
  })
  getDb()
    .update(disputes)
    .set({ createdAt: new Date(NOW.getTime() - days * DAY_MS) })
    .where(eq(disputes.id, dispute.id))
    .run()
  return { client, freelancer, dispute }
}

async function contractEndedDaysAgo(days: number, paidMinor: number) {
  const client = await createTestUser('client')
  const freelancer = await createTestUser('freelancer')
  const contract = await insertHiredContract({
    clientId: client.id,
    freelancerId: freelancer.id,
    type: 'fixed',
    title: `Logo ${days}`,
    amountMinor: paidMinor,
    contract: { status: 'ended', endedAt: new Date(NOW.getTime() - days * DAY_MS) },
  })
  await insertReleasedMilestone(contract.id, paidMinor, new Date(NOW.getTime() - (days + 1) * DAY_MS))
  return { client, freelancer, contract }
}

describe('reminders before a window closes', () => {
  it('tells the side that must respond to a dispute 2 days before its 7 days end, once', async () => {
    const due = await disputeOpenedDaysAgo(5.5) // due in 1.5 days
    const early = await disputeOpenedDaysAgo(4) // due in 3 days: not yet
    const late = await disputeOpenedDaysAgo(8) // already past: nothing to remind of

    await runDeadlineReminders(NOW)
    expect((await titlesOf(due.freelancer.id)).filter((t) => t.startsWith('Respond to the dispute'))).toEqual([
      expect.stringMatching(/^Respond to the dispute on “Shop 5.5” by 27 Nov 2026/),
    ])
    // The side that opened it has nothing to do; the others are not due or are past.
    expect(await titlesOf(due.client.id)).toEqual([])
    expect(await titlesOf(early.freelancer.id)).toEqual([])
    expect(await titlesOf(late.freelancer.id)).toEqual([])
    expect((await emailsTo(due.freelancer.email)).map((email) => email.subject)).toEqual([
      expect.stringMatching(/Respond to the dispute on “Shop 5.5”/),
    ])

    // Exactly once: a later run (or a second server running the same job) sends nothing more.
    await Promise.all([runDeadlineReminders(new Date(NOW.getTime() + DAY_MS)), runDeadlineReminders(NOW)])
    expect((await titlesOf(due.freelancer.id)).filter((t) => t.startsWith('Respond to the dispute'))).toHaveLength(1)
    // The early one's turn comes when its response is 2 days from due.
    await runDeadlineReminders(new Date(NOW.getTime() + 1.5 * DAY_MS))
    expect((await titlesOf(early.freelancer.id)).filter((t) => t.startsWith('Respond to the dispute'))).toHaveLength(1)
  })

  it('tells each side that has not reviewed a paid contract 3 days before the window closes, once, by email as they chose', async () => {
    const closing = await contractEndedDaysAgo(12, 500) // closes in 2 days
    const notPaid = await contractEndedDaysAgo(12, 499) // paid under US$5: no reviews to write
    const early = await contractEndedDaysAgo(10, 500) // closes in 4 days
    // The freelancer already reviewed; the client turned review reminders off by email.
    getDb()
      .insert(reviews)
      .values({
        id: crypto.randomUUID(),
        contractId: closing.contract.id,
        reviewerId: closing.freelancer.id,
        revieweeId: closing.client.id,
        direction: 'freelancer_to_client',
        rating: 5,
        subRatings: {},
        comment: 'Clear brief and quick payment.',
        createdAt: new Date(NOW.getTime() - DAY_MS),
      })
      .run()
    await saveEmailPreferences(
      closing.client.id,
      Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, kind !== 'review_reminder'])) as Record<
        (typeof NOTIFICATION_KINDS)[number],
        boolean
      >,
    )

    await runDeadlineReminders(NOW)
    await runDeadlineReminders(NOW)
    expect(await titlesOf(closing.client.id)).toEqual([expect.stringMatching(/^Review “Logo 12” by 27 Nov 2026/)])
    expect(await emailsTo(closing.client.email)).toEqual([])
    expect(await titlesOf(closing.freelancer.id)).toEqual([])
    expect(await titlesOf(notPaid.client.id)).toEqual([])
    expect(await titlesOf(early.client.id)).toEqual([])

    await runDeadlineReminders(new Date(NOW.getTime() + 1.5 * DAY_MS))
    expect(await titlesOf(early.client.id)).toHaveLength(1)
    expect(await titlesOf(early.freelancer.id)).toHaveLength(1)
    expect((await emailsTo(early.freelancer.email)).map((email) => email.subject)).toEqual([
      expect.stringMatching(/^Review “Logo 10” by/),
    ])
  })
})
