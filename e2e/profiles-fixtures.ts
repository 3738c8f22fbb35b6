import './app-env'
import { changeMilestone, listMilestones } from '~/models/contracts.server'
import { insertReview } from '~/models/contract-reviews.server'
import type { ReviewDirection } from '~/domain/enums'
import { createFixedContract, endContractAt } from './contract-fixtures'
import { userIdByEmail } from './db-fixtures'

const DAY_MS = 86_400_000
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS)

/**
 * An ended fixed-price contract with one milestone, released (paid) or refunded, with its history
 * in the past: due ten days ago and delivered twelve days ago (on time), ended two days ago. The
 * states and dates are what profiles read; no money is moved.
 */
async function endedContract(clientEmail: string, freelancerEmail: string, title: string, paid: boolean) {
  const { contractId } = await createFixedContract(clientEmail, freelancerEmail, {
    title,
    milestones: [{ title: 'Whole page', amountMinor: 50_000 }],
  })
  const [milestone] = await listMilestones(contractId)
  changeMilestone({
    milestone: milestone!,
    from: ['pending'],
    set: {
      status: paid ? 'released' : 'refunded',
      dueDate: daysAgo(10),
      fundedAt: daysAgo(19),
      submittedAt: daysAgo(12),
      approvedAt: paid ? daysAgo(11) : null,
      releasedAt: paid ? daysAgo(11) : null,
      refundedAt: paid ? null : daysAgo(3),
    },
    lines: [],
    at: daysAgo(3),
  })
  await endContractAt(contractId, daysAgo(2), 'Work complete')
  return contractId
}

async function review(
  contractId: string,
  reviewerId: string,
  revieweeId: string,
  direction: ReviewDirection,
  rating: number,
  comment: string,
) {
  await insertReview({
    contractId,
    reviewerId,
    revieweeId,
    direction,
    rating,
    subRatings: { quality: rating, communication: rating },
    comment,
    createdAt: daysAgo(1),
  })
}

/**
 * Two ended contracts between a client and a freelancer. The first was paid and both sides
 * reviewed it (so its reviews show); the second was refunded and only the client reviewed it, a
 * day ago (so that review is still hidden by the double-blind rule).
 */
export async function createReviewedHistory(clientEmail: string, freelancerEmail: string) {
  const clientId = await userIdByEmail(clientEmail)
  const freelancerId = await userIdByEmail(freelancerEmail)
  const suffix = crypto.randomUUID().slice(0, 6)
  const visibleComment = `Delivered early and explained every step ${suffix}.`
  const hiddenComment = `This review must stay hidden ${suffix}.`
  const paid = await endedContract(clientEmail, freelancerEmail, `Shop landing page ${suffix}`, true)
  await review(paid, clientId, freelancerId, 'client_to_freelancer', 5, visibleComment)
  await review(paid, freelancerId, clientId, 'freelancer_to_client', 4, `Clear brief and quick payment ${suffix}.`)
  const refunded = await endedContract(clientEmail, freelancerEmail, `Shop checkout ${suffix}`, false)
  await review(refunded, clientId, freelancerId, 'client_to_freelancer', 1, hiddenComment)
  return { freelancerId, clientId, visibleComment, hiddenComment }
}
