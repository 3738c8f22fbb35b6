import {
  findContractForReview,
  findUserName,
  insertReview,
  listReviewsOfContract,
  type ContractReview,
} from '~/models/contract-reviews.server'
import type { Review } from '~/models/reviews.server'
import { notify } from '~/services/notifications/notify.server'
import { formatDate } from '~/utils/format'
import {
  checkCanReview,
  directionFor,
  reviewWindow,
  reviewWindowClosesAt,
  sideOf,
  type ReviewableContract,
  type ReviewSide,
} from './review-rules'
import { REVIEW_MINIMUM_PAID_USD } from '~/domain/paid-work'
import { dollarsInMinor } from '~/services/payments/rates/dollar-amounts.server'
import type { ReviewInput } from './review-schemas'

export type ReviewContract = NonNullable<Awaited<ReturnType<typeof findContractForReview>>> & ReviewableContract

/**
 * The contract and the user's side of it, with what it paid against the review minimum; null when
 * there is no such contract or the user is not on it.
 */
export async function findReviewContract(
  contractId: string,
  userId: string,
  now = new Date(),
): Promise<{ contract: ReviewContract; side: ReviewSide } | null> {
  const found = await findContractForReview(contractId)
  const side = found ? sideOf(found, userId) : null
  if (!found || !side) return null
  const minimumMinor = await dollarsInMinor(REVIEW_MINIMUM_PAID_USD, found.currency, now)
  const paid = { minor: found.paidMinor, minimumMinor, currency: found.currency }
  return { contract: { ...found, paid }, side }
}

export type ReviewView = Pick<Review, 'id' | 'rating' | 'subRatings' | 'comment' | 'createdAt' | 'direction'>
type TheirReview = { state: 'visible'; review: ReviewView } | { state: 'hidden' } | { state: 'missing' }

function view(review: ContractReview): ReviewView {
  return {
    id: review.id,
    rating: review.rating,
    subRatings: review.subRatings,
    comment: review.comment,
    createdAt: review.createdAt,
    direction: review.direction,
  }
}

/**
 * What one party sees on the review page: their own review, and the other's only when the
 * double-blind rule lets it show (both have reviewed, or the window has closed).
 */
export async function loadReviewPage(contract: ReviewContract, userId: string, now = new Date()) {
  const side = sideOf(contract, userId)
  if (!side) throw new Error('Not a party to this contract')
  const otherId = side === 'client' ? contract.freelancerId : contract.clientId
  const written = await listReviewsOfContract(contract.id, now)
  const mine = written.find((review) => review.reviewerId === userId)
  const other = written.find((review) => review.reviewerId === otherId)
  const theirs: TheirReview = !other
    ? { state: 'missing' }
    : other.visible
      ? { state: 'visible', review: view(other) }
      : { state: 'hidden' }
  const window = reviewWindow(contract, now)
  const allowed = checkCanReview(contract, Boolean(mine), now)
  return {
    side,
    direction: directionFor(side),
    otherName: (await findUserName(otherId)) ?? 'The other side',
    window,
    closesAt: reviewWindowClosesAt(contract),
    mine: mine ? view(mine) : null,
    theirs,
    canReview: allowed.ok,
    /** Why this party cannot review when the window is open and they have not: the contract paid nothing. */
    refusal: !mine && !allowed.ok && window === 'open' ? allowed.message : null,
  }
}

export type SubmitOutcome = { ok: true; review: Review } | { ok: false; reason: 'conflict'; message: string }

/** Writes this party's review once, within the window, and tells the reviewee. */
export async function submitReview(
  contract: ReviewContract,
  reviewerId: string,
  input: ReviewInput,
  now = new Date(),
): Promise<SubmitOutcome> {
  const side = sideOf(contract, reviewerId)
  if (!side) throw new Error('Not a party to this contract')
  const existing = await listReviewsOfContract(contract.id, now)
  const allowed = checkCanReview(
    contract,
    existing.some((review) => review.reviewerId === reviewerId),
    now,
  )
  if (!allowed.ok) return { ok: false, reason: 'conflict', message: allowed.message }
  const revieweeId = side === 'client' ? contract.freelancerId : contract.clientId
  const review = await insertReview({
    contractId: contract.id,
    reviewerId,
    revieweeId,
    direction: directionFor(side),
    rating: input.rating,
    subRatings: input.subRatings,
    comment: input.comment,
    createdAt: now,
  })
  // Two submissions racing past the check: the unique index keeps only the first.
  if (!review)
    return {
      ok: false,
      reason: 'conflict',
      message: 'You have already reviewed this contract; a review cannot be written twice or changed.',
    }

  const reviewerName = (await findUserName(reviewerId)) ?? 'The other side'
  const theyReviewed = existing.some((other) => other.reviewerId === revieweeId)
  const closesAt = reviewWindowClosesAt(contract)
  await notify({
    userId: revieweeId,
    kind: 'review_received',
    title: `${reviewerName} reviewed you on “${contract.title}”`,
    body: theyReviewed
      ? 'You have both reviewed this contract, so both reviews are now visible.'
      : `Reviews are double-blind: you will see it once you have written yours, or when the review window closes${closesAt ? ` on ${formatDate(closesAt)}` : ''}.`,
    link: `/contracts/${contract.id}/review`,
  })
  return { ok: true, review }
}
