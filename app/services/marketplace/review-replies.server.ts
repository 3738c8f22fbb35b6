import { findVisibleReviewOf, writeReviewReply, type VisibleReview } from '~/models/reviews.server'
import { notify } from '~/services/notifications/notify.server'

/** Where the review and its reply are read: the reviewed person's public profile. */
export function reviewedProfilePath(review: Pick<VisibleReview, 'direction' | 'id'>, revieweeId: string): string {
  const profile = review.direction === 'client_to_freelancer' ? 'freelancers' : 'clients'
  return `/${profile}/${revieweeId}#review-${review.id}`
}

/**
 * The review `userId` may answer: one written of them, once the double-blind rule shows it. Any
 * other review is null, so a hidden review's existence is not given away.
 */
export function findReviewToAnswer(reviewId: string, userId: string, now = new Date()) {
  return findVisibleReviewOf(reviewId, userId, now)
}

/** Publishes or changes the answer; the reviewer is told of the first one, not of every edit. */
export async function saveReviewReply(
  review: VisibleReview,
  author: { id: string; name: string },
  reply: string,
  now = new Date(),
): Promise<void> {
  await writeReviewReply(review.id, author.id, reply, now)
  if (review.reply !== null) return
  await notify({
    userId: review.reviewerId,
    kind: 'review_received',
    title: `${author.name} replied to your review on “${review.contractTitle}”`,
    body: reply,
    link: reviewedProfilePath(review, author.id),
  })
}

export async function removeReviewReply(review: VisibleReview, authorId: string, now = new Date()): Promise<void> {
  await writeReviewReply(review.id, authorId, null, now)
}
