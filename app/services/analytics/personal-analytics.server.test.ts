import { describe, expect, it } from 'vitest'
import { findOrCreateConversation, insertMessage } from '~/models/conversations.server'
import { insertReview } from '~/models/contract-reviews.server'
import { insertHiredContract } from '~/test/escrow-fixtures'
import { createTestUser, twoTestUsers } from '~/test/users'
import { eq } from 'drizzle-orm'
import { getDb } from '~/models/db.server'
import { contracts, projects } from '~/models/schema'
import { loadClientAnalytics, loadFreelancerAnalytics } from './personal-analytics.server'

const at = (text: string) => new Date(text)

/** A conversation between the two, with messages written by whom and when. */
async function conversation(
  clientId: string,
  freelancerId: string,
  messages: { from: 'client' | 'freelancer'; at: string }[],
) {
  const contract = await insertHiredContract({ clientId, freelancerId, type: 'fixed', title: 'Work', amountMinor: 1 })
  const c = await findOrCreateConversation({ kind: 'contract', subjectId: contract.id, clientId, freelancerId })
  for (const m of messages) {
    const senderId = m.from === 'client' ? clientId : freelancerId
    await insertMessage({
      conversationId: c.id,
      senderId,
      body: 'hi',
      offPlatformReasons: [],
      uploadIds: [],
      at: at(m.at),
    })
  }
}

describe('time to first reply in a freelancer’s analytics', () => {
  it('measures from the first message from the other side to the freelancer’s next message, median over the year', async () => {
    const client = await createTestUser('client')
    const [freelancer, other] = await twoTestUsers('freelancer')
    const [c, f] = [client.id, freelancer.id]
    // Hand-computed: replies after 0.5 h, 1.5 h, 6 h and 48 h; one not answered; one before the range.
    await conversation(c, f, [
      { from: 'client', at: '2026-02-10T08:00:00Z' },
      { from: 'freelancer', at: '2026-02-10T08:30:00Z' },
    ])
    await conversation(c, f, [
      { from: 'client', at: '2026-03-02T09:00:00Z' },
      { from: 'freelancer', at: '2026-03-02T10:30:00Z' },
      { from: 'freelancer', at: '2026-03-02T10:31:00Z' },
    ])
    // The client's second message does not restart the clock.
    await conversation(c, f, [
      { from: 'client', at: '2026-04-10T12:00:00Z' },
      { from: 'client', at: '2026-04-10T13:00:00Z' },
      { from: 'freelancer', at: '2026-04-10T18:00:00Z' },
    ])
    // The freelancer wrote first: the clock starts at the client's first message.
    await conversation(c, f, [
      { from: 'freelancer', at: '2026-05-01T08:00:00Z' },
      { from: 'client', at: '2026-05-01T09:00:00Z' },
      { from: 'freelancer', at: '2026-05-03T09:00:00Z' },
    ])
    await conversation(c, f, [{ from: 'client', at: '2026-06-01T00:00:00Z' }])
    await conversation(c, f, [
      { from: 'client', at: '2025-01-01T00:00:00Z' },
      { from: 'freelancer', at: '2025-01-09T00:00:00Z' },
    ])
    // Someone else's conversation counts for them only.
    await conversation(c, other.id, [{ from: 'client', at: '2026-03-01T00:00:00Z' }])

    const analytics = await loadFreelancerAnalytics(f, at('2026-06-15T12:00:00Z'))
    // Median of 0.5, 1.5, 6 and 48 hours: (1.5 + 6) / 2 = 3.75 hours.
    expect(analytics.figures.find((x) => x.label === 'Median time to first reply')).toEqual({
      label: 'Median time to first reply',
      value: '3.8 hours',
      detail: '4 of 5 conversations answered',
    })
    const chart = analytics.charts.find((x) => x.id === 'first-reply')!
    expect(chart.data.labels).toEqual([
      'Within 1 hour',
      '1 to 4 hours',
      '4 to 24 hours',
      '1 to 3 days',
      'Over 3 days',
      'Not answered yet',
    ])
    expect(chart.data.series[0]!.values).toEqual([1, 1, 1, 1, 0, 1])

    const quiet = await loadFreelancerAnalytics(other.id, at('2026-06-15T12:00:00Z'))
    expect(quiet.figures.find((x) => x.label === 'Median time to first reply')!.value).toBe('—')
  })
})

describe('average time to hire in a client’s analytics', () => {
  async function hire(clientId: string, freelancerId: string, posted: string, hired: string) {
    const contract = await insertHiredContract({ clientId, freelancerId, type: 'fixed', title: 'Work', amountMinor: 1 })
    getDb()
      .update(projects)
      .set({ createdAt: at(posted) })
      .where(eq(projects.id, contract.projectId))
      .run()
    getDb()
      .update(contracts)
      .set({ createdAt: at(hired) })
      .where(eq(contracts.id, contract.id))
      .run()
  }
  const timeToHire = async (clientId: string) =>
    (await loadClientAnalytics(clientId, at('2026-06-15T12:00:00Z'))).figures.find(
      (x) => x.label === 'Average time to hire',
    )?.value

  it('reads a same-day hire in hours, not "0.0 days", and longer waits in days', async () => {
    const [client, other] = await twoTestUsers('client')
    const freelancer = await createTestUser('freelancer')
    await hire(client.id, freelancer.id, '2026-06-10T09:00:00Z', '2026-06-10T12:00:00Z')
    await hire(client.id, freelancer.id, '2026-06-11T09:00:00Z', '2026-06-11T13:00:00Z')
    expect(await timeToHire(client.id)).toBe('3.5 hours')
    await hire(other.id, freelancer.id, '2026-05-01T09:00:00Z', '2026-05-04T21:00:00Z')
    expect(await timeToHire(other.id)).toBe('3.5 days')
  })
})

describe('average rating received in a freelancer’s analytics', () => {
  it('is a gap in a month without reviews, not a rating of 0', async () => {
    const client = await createTestUser('client')
    const freelancer = await createTestUser('freelancer')
    for (const [rating, when] of [
      [4, '2026-03-05T10:00:00Z'],
      [5, '2026-03-20T10:00:00Z'],
      [5, '2026-05-02T10:00:00Z'],
    ] as const) {
      const contract = await insertHiredContract({
        clientId: client.id,
        freelancerId: freelancer.id,
        type: 'fixed',
        title: 'Work',
        amountMinor: 1,
        // Ended then, so each review shows by June (its window closed): a hidden one is never charted.
        contract: { status: 'ended', endedAt: at(when) },
      })
      await insertReview({
        contractId: contract.id,
        reviewerId: client.id,
        revieweeId: freelancer.id,
        direction: 'client_to_freelancer',
        rating,
        subRatings: {},
        comment: 'Good work',
        createdAt: at(when),
      })
    }
    const analytics = await loadFreelancerAnalytics(freelancer.id, at('2026-06-15T12:00:00Z'))
    const chart = analytics.charts.find((x) => x.id === 'rating')!
    const byMonth = Object.fromEntries(chart.data.labels.map((label, i) => [label, chart.data.series[0]!.values[i]]))
    expect(byMonth).toMatchObject({ 'Mar 2026': 4.5, 'Apr 2026': null, 'May 2026': 5, 'Jun 2026': null })
  })
})
