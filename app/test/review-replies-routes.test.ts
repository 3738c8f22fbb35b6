import { describe, expect, it } from 'vitest'
import { insertReview } from '~/models/contract-reviews.server'
import { listNotifications } from '~/models/notifications.server'
import { listVisibleReviewsOf } from '~/models/reviews.server'
import { loader as freelancerProfileLoader } from '~/routes/_browse.freelancers.$userId'
import { action, loader } from '~/routes/_portal.reviews.$reviewId.reply'
import { hireBetweenNewUsers } from '~/test/escrow-fixtures'
import { formRequest, getRequest, run } from '~/test/requests'
import { createTestUser, signedInCookie } from '~/test/users'

/** An ended contract; the client reviewed the freelancer, and `both` adds the freelancer's review (so both show). */
async function reviewedContract({ both }: { both: boolean }) {
  const { client, freelancer, contract } = await hireBetweenNewUsers(
    { type: 'fixed', title: 'Logo redesign', amountMinor: 30000, contract: { status: 'ended', endedAt: new Date() } },
    { client: 'Cleo Client', freelancer: 'Fern Freelancer' },
  )
  const ofFreelancer = await insertReview({
    contractId: contract.id,
    reviewerId: client.id,
    revieweeId: freelancer.id,
    direction: 'client_to_freelancer',
    rating: 2,
    subRatings: { quality: 2, communication: 2, deadlines: 2 },
    comment: 'Late twice and the files were a mess.',
    createdAt: new Date(),
  })
  const ofClient = both
    ? await insertReview({
        contractId: contract.id,
        reviewerId: freelancer.id,
        revieweeId: client.id,
        direction: 'freelancer_to_client',
        rating: 4,
        subRatings: { clarity: 4, communication: 4, payment: 4 },
        comment: 'Clear brief, paid on time.',
        createdAt: new Date(),
      })
    : null
  return { client, freelancer, contract, ofFreelancer: ofFreelancer!, ofClient }
}

const replyPath = (reviewId: string) => `/reviews/${reviewId}/reply`
const post = async (reviewId: string, cookie: string, fields: Record<string, string>) =>
  run(action, formRequest(replyPath(reviewId), fields, cookie), { reviewId })

describe('replying to a review', () => {
  it('the reviewed freelancer publishes a reply under the review, and the reviewer is told once', async () => {
    const { client, freelancer, ofFreelancer } = await reviewedContract({ both: true })
    const cookie = await signedInCookie(freelancer.id)

    const page = await run(loader, getRequest(replyPath(ofFreelancer.id), cookie), { reviewId: ofFreelancer.id })
    expect(page.status).toBe(200)
    expect(await page.json()).toMatchObject({
      review: { comment: 'Late twice and the files were a mess.', reply: null, reviewerName: 'Cleo Client' },
      profilePath: `/freelancers/${freelancer.id}#review-${ofFreelancer.id}`,
    })

    const reply = 'Both delays came from waiting on the brand fonts; the files are now in the shared folder.'
    const saved = await post(ofFreelancer.id, cookie, { intent: 'save', reply })
    expect(saved.status).toBe(302)
    expect(saved.headers.get('location')).toBe(`/freelancers/${freelancer.id}#review-${ofFreelancer.id}`)

    // The public profile shows it under the review.
    const profile = await run(freelancerProfileLoader, getRequest(`/freelancers/${freelancer.id}`), {
      userId: freelancer.id,
    })
    const [shown] = ((await profile.json()) as { reviews: { reply: string | null }[] }).reviews
    expect(shown?.reply).toBe(reply)

    const [note] = await listNotifications(client.id, { limit: 1, offset: 0 })
    expect(note).toMatchObject({
      kind: 'review_received',
      title: 'Fern Freelancer replied to your review on “Logo redesign”',
      body: reply,
      link: `/freelancers/${freelancer.id}#review-${ofFreelancer.id}`,
    })

    // An edit changes the text without telling the reviewer again.
    expect(
      (await post(ofFreelancer.id, cookie, { intent: 'save', reply: `${reply} Thanks for the work.` })).status,
    ).toBe(302)
    expect((await listVisibleReviewsOf(freelancer.id))[0]?.reply).toBe(`${reply} Thanks for the work.`)
    const notes = await listNotifications(client.id, { limit: 10, offset: 0 })
    expect(notes.filter((n) => n.title.includes('replied to your review'))).toHaveLength(1)

    // And it can be taken down.
    expect((await post(ofFreelancer.id, cookie, { intent: 'delete' })).status).toBe(302)
    expect((await listVisibleReviewsOf(freelancer.id))[0]).toMatchObject({ reply: null, repliedAt: null })
  })

  it('a client replies to a freelancer’s review of them, from their own profile', async () => {
    const { client, ofClient } = await reviewedContract({ both: true })
    const saved = await post(ofClient!.id, await signedInCookie(client.id), {
      intent: 'save',
      reply: 'Thank you, it was a pleasure to work together.',
    })
    expect(saved.headers.get('location')).toBe(`/clients/${client.id}#review-${ofClient!.id}`)
  })

  it('a reply that is too short or carries contact details is refused, keeping what was typed', async () => {
    const { freelancer, ofFreelancer } = await reviewedContract({ both: true })
    const cookie = await signedInCookie(freelancer.id)
    const short = await post(ofFreelancer.id, cookie, { intent: 'save', reply: 'No.' })
    expect(short.status).toBe(400)
    expect(JSON.stringify(await short.json())).toContain('at least 10 characters')

    const contact = await post(ofFreelancer.id, cookie, {
      intent: 'save',
      reply: 'Please write to me at fern.freelancer@example.com so we can sort this out.',
    })
    expect(contact.status).toBe(400)
    const body = (await contact.json()) as { initialValue: { reply: string }; error: { reply: string[] } }
    expect(body.initialValue.reply).toContain('fern.freelancer@example.com')
    expect(body.error.reply[0]).toMatch(/leave out email addresses/)
    expect((await listVisibleReviewsOf(freelancer.id))[0]?.reply).toBeNull()
  })

  it('only the reviewed person may reply, and only once the review shows', async () => {
    const { client, freelancer, ofFreelancer } = await reviewedContract({ both: true })
    const stranger = await createTestUser('freelancer')
    for (const who of [client.id, stranger.id]) {
      const cookie = await signedInCookie(who)
      expect(
        (await run(loader, getRequest(replyPath(ofFreelancer.id), cookie), { reviewId: ofFreelancer.id })).status,
      ).toBe(404)
      expect(
        (await post(ofFreelancer.id, cookie, { intent: 'save', reply: 'Not my review to answer at all.' })).status,
      ).toBe(404)
    }
    expect((await listVisibleReviewsOf(freelancer.id))[0]?.reply).toBeNull()

    // Double-blind: the client's review of a contract the freelancer has not reviewed stays hidden, so
    // its reviewee cannot open it to reply (nor learn it exists) until the window closes.
    const hidden = await reviewedContract({ both: false })
    const hiddenCookie = await signedInCookie(hidden.freelancer.id)
    const refused = await run(loader, getRequest(replyPath(hidden.ofFreelancer.id), hiddenCookie), {
      reviewId: hidden.ofFreelancer.id,
    })
    expect(refused.status).toBe(404)
  })
})
