import fs from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import { findPortfolioImageOwner, listPortfolioItems } from '~/models/portfolio.server'
import { disputes, milestones, reviews } from '~/models/schema'
import { uploadsDir } from '~/services/files/uploads.server'
import { insertHiredContract } from '~/test/escrow-fixtures'
import { createTestUser } from '~/test/users'
import { addPortfolioItem, deleteItemAndImages } from './portfolio.server'
import { loadClientPublicProfile, loadFreelancerPublicProfile } from './public-profiles.server'
import { rankOfFreelancer } from './rank.server'
import { freelancerRecordOf, freelancerRecordsOf } from './freelancer-records.server'
import { refusalResponse } from '~/http/outcome-response.server'
import type { DomainError } from '~/services/domain-errors'

const NOW = new Date('2026-11-25T12:00:00Z')
const DAY = 86_400_000
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

async function endedContract(clientId: string, freelancerId: string, endedDaysAgo: number) {
  const contract = await insertHiredContract({
    clientId,
    freelancerId,
    type: 'fixed',
    title: 'Shop',
    amountMinor: 1000,
    contract: { status: 'ended', endedAt: new Date(NOW.getTime() - endedDaysAgo * DAY) },
  })
  return contract.id
}

function milestone(
  contractId: string,
  values: { dueDaysAgo: number; submittedDaysAgo: number | null; released: boolean; amountMinor?: number },
) {
  const id = crypto.randomUUID()
  getDb()
    .insert(milestones)
    .values({
      id,
      contractId,
      position: 0,
      title: 'Work',
      amountMinor: values.amountMinor ?? 1000,
      dueDate: new Date(NOW.getTime() - values.dueDaysAgo * DAY),
      status: values.released ? 'released' : 'refunded',
      fundedAt: new Date(NOW.getTime() - 30 * DAY),
      submittedAt: values.submittedDaysAgo === null ? null : new Date(NOW.getTime() - values.submittedDaysAgo * DAY),
      releasedAt: values.released ? new Date(NOW.getTime() - 5 * DAY) : null,
    })
    .run()
  return id
}

function review(
  contractId: string,
  reviewerId: string,
  revieweeId: string,
  rating: number,
  direction: 'client_to_freelancer' | 'freelancer_to_client' = 'client_to_freelancer',
) {
  getDb()
    .insert(reviews)
    .values({
      id: crypto.randomUUID(),
      contractId,
      reviewerId,
      revieweeId,
      direction,
      rating,
      subRatings: { quality: rating },
      comment: `Rated ${rating}`,
      createdAt: new Date(NOW.getTime() - DAY),
    })
    .run()
}

describe('freelancer record for the rank', () => {
  it('counts a contract as paid for job success only once it paid the reviews’ US$5 for work', async () => {
    const client = await createTestUser('client')
    const freelancer = await createTestUser('freelancer')
    // Ten contracts set up to look paid, each releasing 4 cents, and one that paid US$5.
    for (let i = 0; i < 10; i++) {
      const cheap = await endedContract(client.id, freelancer.id, 3)
      milestone(cheap, { dueDaysAgo: 5, submittedDaysAgo: 6, released: true, amountMinor: 4 })
    }
    const real = await endedContract(client.id, freelancer.id, 3)
    milestone(real, { dueDaysAgo: 5, submittedDaysAgo: 6, released: true, amountMinor: 500 })
    const expected = { endedContracts: 11, paidContracts: 1 }
    expect(await freelancerRecordOf(freelancer.id, NOW)).toMatchObject(expected)
    expect((await freelancerRecordsOf([freelancer.id], NOW)).get(freelancer.id)).toMatchObject(expected)
    const rank = await rankOfFreelancer(freelancer.id, NOW)
    expect(rank.factors.find((f) => f.key === 'jobSuccess')?.value).toMatch(
      /^1 of 11 ended contracts paid US\$5 or more /,
    )
  })

  it('counts paid contracts, lost disputes, on-time milestones and only visible reviews', async () => {
    const client = await createTestUser('client')
    const freelancer = await createTestUser('freelancer')
    const paid = await endedContract(client.id, freelancer.id, 20)
    milestone(paid, { dueDaysAgo: 25, submittedDaysAgo: 26, released: true }) // on time
    milestone(paid, { dueDaysAgo: 25, submittedDaysAgo: 22, released: true }) // late
    const refunded = await endedContract(client.id, freelancer.id, 2)
    const lostMilestone = milestone(refunded, { dueDaysAgo: 10, submittedDaysAgo: null, released: false }) // overdue, never delivered
    getDb()
      .insert(disputes)
      .values({
        id: crypto.randomUUID(),
        contractId: refunded,
        milestoneId: lostMilestone,
        openedBy: client.id,
        amountMinor: 1000,
        reason: 'Nothing came',
        status: 'decided',
        decision: 'refund',
      })
      .run()
    // The paid contract was reviewed by both sides (visible); the refunded one only by the client
    // two days ago (hidden by the double-blind rule).
    review(paid, client.id, freelancer.id, 5)
    review(paid, freelancer.id, client.id, 4, 'freelancer_to_client')
    review(refunded, client.id, freelancer.id, 1)

    const record = await freelancerRecordOf(freelancer.id, NOW)
    expect(record).toMatchObject({
      reviewCount: 1,
      averageRating: 5,
      endedContracts: 2,
      paidContracts: 1,
      disputesLost: 1,
      milestonesDue: 3,
      milestonesOnTime: 1,
    })
    const rank = await rankOfFreelancer(freelancer.id, NOW)
    expect(rank.factors.find((f) => f.key === 'jobSuccess')?.value).toBe(
      '1 of 2 ended contracts paid US$5 or more, 1 disputes lost (smoothed 40%)',
    )

    // Fifteen days after the second contract ended, the hidden review shows and counts.
    const later = new Date(NOW.getTime() + 13 * DAY)
    expect((await freelancerRecordOf(freelancer.id, later)).reviewCount).toBe(2)
    const profile = await loadFreelancerPublicProfile(freelancer.id, NOW)
    expect(profile.reviews.map((r) => r.comment)).toEqual(['Rated 5'])
    expect(profile.contracts).toEqual({ ended: 2, active: 0 })
  })
})

describe('public profiles', () => {
  it('are 404 for unknown ids and the wrong role', async () => {
    const client = await createTestUser('client')
    const freelancer = await createTestUser('freelancer')
    const status = (promise: Promise<unknown>) =>
      promise.then(
        () => 200,
        (error: DomainError) => refusalResponse(error).status,
      )
    expect(await status(loadFreelancerPublicProfile('nobody'))).toBe(404)
    expect(await status(loadFreelancerPublicProfile(client.id))).toBe(404)
    expect(await status(loadClientPublicProfile(freelancer.id))).toBe(404)
    expect(await status(loadClientPublicProfile(client.id))).toBe(200)
    expect(await status(loadFreelancerPublicProfile(freelancer.id))).toBe(200)
  })
})

describe('portfolio', () => {
  it('stores real images, refuses renamed text files, and deletes files with the item', async () => {
    const freelancer = await createTestUser('freelancer')
    const values = { title: 'Bakery shop', description: '', links: 'https://bakery.example.com' }
    const refused = new FormData()
    refused.append('images', new File([PNG], 'a.png', { type: 'image/png' }))
    refused.append('images', new File(['just some notes'], 'notes.png', { type: 'image/png' }))
    expect(await addPortfolioItem(freelancer.id, values, refused, false)).toEqual({
      ok: false,
      fieldErrors: {
        images: [
          '"notes.png" is not an accepted kind of file. Accepted: PNG, JPEG, WebP, GIF. Choose the images again.',
        ],
      },
    })
    expect(await listPortfolioItems(freelancer.id)).toEqual([])

    const good = new FormData()
    good.append('images', new File([PNG], 'a.png', { type: 'image/png' }))
    const added = await addPortfolioItem(freelancer.id, values, good, false)
    expect(added.ok).toBe(true)
    const [item] = await listPortfolioItems(freelancer.id)
    expect(item).toMatchObject({ title: 'Bakery shop', links: ['https://bakery.example.com'] })
    const uploadId = item!.images[0]!.uploadId
    expect(await findPortfolioImageOwner(uploadId)).toEqual({ itemId: item!.id, userId: freelancer.id })
    const file = `${uploadsDir()}/${uploadId.slice(0, 2)}/${uploadId}`
    await expect(fs.stat(file)).resolves.toBeTruthy()

    await deleteItemAndImages(item!)
    expect(await findPortfolioImageOwner(uploadId)).toBeUndefined()
    await expect(fs.stat(file)).rejects.toThrow()

    expect(await addPortfolioItem(freelancer.id, values, new FormData(), true)).toMatchObject({
      ok: false,
      fieldErrors: { images: [expect.stringMatching(/at most 5 MB/)] },
    })
  })
})
