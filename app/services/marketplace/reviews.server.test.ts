import { describe, expect, it } from 'vitest'

import { listNotifications } from '~/models/notifications.server'
import { listVisibleReviewsOf } from '~/models/reviews.server'
import { action as reviewAction, loader as reviewLoader } from '~/routes/_portal.contracts_.$contractId.review'
import { hireBetweenNewUsers, insertReleasedMilestone } from '~/test/escrow-fixtures'
import { formRequest, getRequest, run } from '~/test/requests'
import { createTestUser, signedInCookie } from '~/test/users'
import { findReviewContract, loadReviewPage, submitReview } from './reviews.server'

const ENDED = new Date('2026-11-01T10:00:00Z')
const DURING = new Date('2026-11-05T10:00:00Z')
const AFTER = new Date('2026-11-20T10:00:00Z')

async function endedContract(endedAt: Date | null = ENDED) {
  const {
    client,
    freelancer,
    contract: { id: contractId },
  } = await hireBetweenNewUsers(
    {
      type: 'fixed',
      title: 'Logo redesign',
      amountMinor: 30000,
      contract: { status: endedAt ? 'ended' : 'active', endedAt },
    },
    { client: 'Cleo Client', freelancer: 'Fern Freelancer' },
  )
  await insertReleasedMilestone(contractId)
  const found = await findReviewContract(contractId, client.id)
  if (!found) throw new Error('no contract')
  return { client, freelancer, contract: found.contract }
}

const fromClient = {
  rating: 5,
  subRatings: { quality: 5, communication: 4, deadlines: 5 },
  comment: 'Clear thinking and a logo we love.',
}
const fromFreelancer = {
  rating: 4,
  subRatings: { clarity: 4, communication: 5, payment: 5 },
  comment: 'Good brief, quick feedback, paid on time.',
}

describe('double-blind reviews', () => {
  it('hide the first review from the other side until both have reviewed', async () => {
    const { client, freelancer, contract } = await endedContract()
    expect(await submitReview(contract, client.id, fromClient, DURING)).toMatchObject({ ok: true })

    const clientView = await loadReviewPage(contract, client.id, DURING)
    expect(clientView.mine).toMatchObject({ rating: 5, comment: fromClient.comment })
    expect(clientView.theirs).toEqual({ state: 'missing' })
    expect(clientView.canReview).toBe(false)

    const freelancerView = await loadReviewPage(contract, freelancer.id, DURING)
    expect(freelancerView.theirs).toEqual({ state: 'hidden' })
    expect(freelancerView.mine).toBeNull()
    expect(freelancerView.canReview).toBe(true)
    expect(await listVisibleReviewsOf(freelancer.id, { now: DURING })).toEqual([])

    const [note] = await listNotifications(freelancer.id, { limit: 1, offset: 0 })
    expect(note).toMatchObject({
      kind: 'review_received',
      title: 'Cleo Client reviewed you on “Logo redesign”',
      link: `/contracts/${contract.id}/review`,
    })
    expect(note?.body).toMatch(/double-blind/)

    expect(await submitReview(contract, freelancer.id, fromFreelancer, DURING)).toMatchObject({ ok: true })
    const both = await loadReviewPage(contract, client.id, DURING)
    expect(both.theirs).toMatchObject({ state: 'visible', review: { rating: 4, comment: fromFreelancer.comment } })
    expect((await loadReviewPage(contract, freelancer.id, DURING)).theirs).toMatchObject({
      state: 'visible',
      review: { rating: 5 },
    })
    expect(await listVisibleReviewsOf(freelancer.id, { now: DURING })).toHaveLength(1)
    const [clientNote] = await listNotifications(client.id, { limit: 1, offset: 0 })
    expect(clientNote?.body).toBe('You have both reviewed this contract, so both reviews are now visible.')
  })

  it('show a lone review once the 14-day window closes, and refuse late or repeated reviews', async () => {
    const { client, freelancer, contract } = await endedContract()
    await submitReview(contract, client.id, fromClient, DURING)
    expect(await submitReview(contract, client.id, fromClient, DURING)).toMatchObject({
      ok: false,
      reason: 'conflict',
      message: expect.stringMatching(/already reviewed/),
    })
    expect(await submitReview(contract, freelancer.id, fromFreelancer, AFTER)).toMatchObject({
      ok: false,
      reason: 'conflict',
      message: expect.stringMatching(/closed/),
    })
    const late = await loadReviewPage(contract, freelancer.id, AFTER)
    expect(late.window).toBe('closed')
    expect(late.theirs).toMatchObject({ state: 'visible', review: { rating: 5 } })
    expect(late.canReview).toBe(false)
  })

  it('refuse reviews before the contract ends', async () => {
    const { client, contract } = await endedContract(null)
    expect(await submitReview(contract, client.id, fromClient, DURING)).toMatchObject({
      ok: false,
      reason: 'conflict',
      message: expect.stringMatching(/when the contract ends/),
    })
  })
})

describe('review route', () => {
  it('answers 404 to anyone not on the contract, 400 with bad input, 409 the second time', async () => {
    const { client, contract } = await endedContract(new Date())
    const stranger = await createTestUser('freelancer')
    const admin = await createTestUser('admin')
    const path = `/contracts/${contract.id}/review`
    const params = { contractId: contract.id }
    expect((await run(reviewLoader, getRequest(path, await signedInCookie(stranger.id)), params)).status).toBe(404)
    expect((await run(reviewLoader, getRequest(path, await signedInCookie(admin.id)), params)).status).toBe(404)
    const strangerPost = formRequest(
      path,
      { rating: '1', comment: 'Never worked with them but still.' },
      await signedInCookie(stranger.id),
    )
    expect((await run(reviewAction, strangerPost, params)).status).toBe(404)

    const cookie = await signedInCookie(client.id)
    const fields = {
      rating: '5',
      'subRatings.quality': '5',
      'subRatings.communication': '4',
      'subRatings.deadlines': '5',
      comment: 'Clear thinking and a logo we love.',
    }
    const bad = await run(reviewAction, formRequest(path, { ...fields, comment: 'ok' }, cookie), params)
    expect(bad.status).toBe(400)
    const ok = await run(reviewAction, formRequest(path, fields, cookie), params)
    expect(ok.status).toBe(302)
    const again = await run(reviewAction, formRequest(path, fields, cookie), params)
    expect(again.status).toBe(409)
    expect(await again.text()).toMatch(/already reviewed/)
  })
})
