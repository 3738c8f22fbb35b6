import { describe, expect, it } from 'vitest'
import { loader as analyticsLoader } from '~/routes/_portal.analytics'
import { action as reviewAction, loader as reviewLoader } from '~/routes/_portal.contracts_.$contractId.review'
import { hireBetweenNewUsers, insertReleasedMilestone } from '~/test/escrow-fixtures'
import { formRequest, getRequest, run } from '~/test/requests'
import { signedInCookie } from '~/test/users'

/**
 * The fifth probe, reviews: what a member could do to the double-blind rule and to the published
 * ranking through reviews. Each test failed on the code before its fix.
 */

/** An ended fixed contract; `paidMinor` puts one released milestone of that amount on it. */
async function endedContract(paidMinor: number | null, currency = 'USD') {
  const hired = await hireBetweenNewUsers(
    {
      type: 'fixed',
      title: 'Logo redesign',
      amountMinor: 30000,
      currency,
      contract: { status: 'ended', endedAt: new Date() },
    },
    { client: 'Cleo Client', freelancer: 'Fern Freelancer' },
  )
  if (paidMinor !== null) await insertReleasedMilestone(hired.contract.id, paidMinor)
  return hired
}

const reviewPath = (contractId: string) => `/contracts/${contractId}/review`
const clientReview = (comment = 'Clear thinking and a logo we love.') => ({
  rating: '1',
  'subRatings.quality': '1',
  'subRatings.communication': '1',
  'subRatings.deadlines': '1',
  comment,
})

async function ratingChart(cookie: string) {
  const page = await run(analyticsLoader, getRequest('/analytics', cookie))
  const data = (await page.json()) as {
    charts: { id: string; data: { series: { values: (number | null)[] }[] } }[]
  }
  return data.charts.find((chart) => chart.id === 'rating')!.data.series[0]!.values
}

describe('the double-blind rule in the freelancer’s own analytics', () => {
  it('keeps a hidden review’s rating out of “Average rating received” until it shows', async () => {
    const { client, freelancer, contract } = await endedContract(30000)
    const freelancerCookie = await signedInCookie(freelancer.id)
    const before = await ratingChart(freelancerCookie)

    // The client reviews first: 1 star. The freelancer has not reviewed yet, so it is hidden.
    const posted = await run(
      reviewAction,
      formRequest(reviewPath(contract.id), clientReview(), await signedInCookie(client.id)),
      {
        contractId: contract.id,
      },
    )
    expect(posted.status).toBe(302)
    const page = await run(reviewLoader, getRequest(reviewPath(contract.id), freelancerCookie), {
      contractId: contract.id,
    })
    expect(((await page.json()) as { theirs: unknown }).theirs).toEqual({ state: 'hidden' })

    // Old code: this month's average became 1, telling the freelancer the hidden rating before
    // they wrote theirs (a retaliation tip-off).
    expect(await ratingChart(freelancerCookie)).toEqual(before)
  })
})

describe('reviews need paid work', () => {
  it('refuses a review on a contract that ended without any payment, and the page says why', async () => {
    // A second account hires you, ends at once and rates you 5 stars: free, and the rating counts
    // 35 points of the published rank.
    const { client, contract } = await endedContract(null)
    const cookie = await signedInCookie(client.id)
    const page = await run(reviewLoader, getRequest(reviewPath(contract.id), cookie), { contractId: contract.id })
    const view = (await page.json()) as { canReview: boolean; refusal: string | null }
    expect(view.canReview).toBe(false)
    expect(view.refusal).toMatch(/nothing was paid/i)

    const posted = await run(reviewAction, formRequest(reviewPath(contract.id), clientReview(), cookie), {
      contractId: contract.id,
    })
    expect(posted.status).toBe(409)
    expect(await posted.text()).toMatch(/nothing was paid/i)
  })

  it('refuses a review bought with a token payment (a 1-cent milestone)', async () => {
    const { client, contract } = await endedContract(1)
    const posted = await run(
      reviewAction,
      formRequest(reviewPath(contract.id), clientReview(), await signedInCookie(client.id)),
      { contractId: contract.id },
    )
    expect(posted.status).toBe(409)
    expect(await posted.text()).toMatch(/Only \$0\.01 was paid on this contract; reviews need at least \$5 of work/)
  })

  it('holds a contract in another currency to the same minimum at the day’s rate', async () => {
    // 100 yen is well under 5 dollars; 100,000 yen is well over.
    for (const [paid, status] of [
      [100, 409],
      [100_000, 302],
    ] as const) {
      const { client, contract } = await endedContract(paid, 'JPY')
      const posted = await run(
        reviewAction,
        formRequest(reviewPath(contract.id), clientReview(), await signedInCookie(client.id)),
        { contractId: contract.id },
      )
      expect(posted.status).toBe(status)
    }
  })

  it('still lets both sides review a contract that paid for work', async () => {
    const { client, contract } = await endedContract(30000)
    const posted = await run(
      reviewAction,
      formRequest(reviewPath(contract.id), clientReview(), await signedInCookie(client.id)),
      { contractId: contract.id },
    )
    expect(posted.status).toBe(302)
  })
})

describe('a review’s comment is public', () => {
  it.each([
    'Great work. Hire him directly: fern.designs@gmail.com, no fees.',
    'Fast and friendly; message me on WhatsApp +44 7911 123456 for more work.',
  ])('refuses contact details and ways around escrow, keeping what was typed: %s', async (comment) => {
    const { client, contract } = await endedContract(30000)
    const posted = await run(
      reviewAction,
      formRequest(reviewPath(contract.id), clientReview(comment), await signedInCookie(client.id)),
      { contractId: contract.id },
    )
    expect(posted.status).toBe(400)
    const reply = (await posted.json()) as { initialValue: { comment: string }; error: { comment: string[] } }
    expect(reply.initialValue.comment).toBe(comment)
    expect(reply.error.comment[0]).toMatch(/public/i)
  })
})
