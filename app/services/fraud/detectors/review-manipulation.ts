import { FRAUD_CONFIG } from '../fraud-config'
import { burstsOf, draftFrom, groupBy, plural, type AlertDraft } from '../alert-draft'
import type { AccountFact, ReviewFact } from '~/domain/fraud-facts'
import { sameGroup, type LinkedGroups } from './linked-groups'

const C = FRAUD_CONFIG.reviews

/**
 * Bursts of top ratings from accounts that are new or linked to the reviewee, scored higher when
 * the burst is far above the reviewee's earlier ratings.
 */
export function detectReviewManipulation(
  reviews: readonly ReviewFact[],
  accounts: ReadonlyMap<string, Pick<AccountFact, 'createdAt'>>,
  groups: LinkedGroups,
): AlertDraft[] {
  const drafts: AlertDraft[] = []
  for (const [revieweeId, received] of groupBy(reviews, (r) => r.revieweeId)) {
    const linkedTo = (r: ReviewFact) => sameGroup(groups, r.reviewerId, revieweeId)
    const isNew = (r: ReviewFact) => {
      const created = accounts.get(r.reviewerId)?.createdAt
      return created !== undefined && r.at - created < C.newAccountMs
    }
    const suspicious = received.filter((r) => r.rating >= C.topRating && (linkedTo(r) || isNew(r)))
    for (const burst of burstsOf(suspicious, (r) => r.at, C.windowMs)) {
      const reviewers = new Set(burst.map((r) => r.reviewerId))
      if (reviewers.size < C.minSuspicious) continue
      const earlier = received.filter((r) => r.at < burst[0]!.at)
      const earlierAverage = earlier.length ? earlier.reduce((sum, r) => sum + r.rating, 0) / earlier.length : null
      const far =
        earlier.length >= C.minHistory && earlierAverage !== null && C.topRating - earlierAverage >= C.farFromHistory
      const linked = burst.filter(linkedTo).length
      const fresh = burst.filter(isNew).length
      const draft = draftFrom(
        {
          type: 'review_manipulation',
          key: `review_manipulation:${revieweeId}:${burst[0]!.at}`,
          accounts: [revieweeId, ...reviewers],
          words: [
            `${plural(burst.length, 'top rating')} within ${Math.ceil((burst.at(-1)!.at - burst[0]!.at) / 86_400_000) || 1} days from ${plural(reviewers.size, 'account')}: ${fresh} new, ${linked} linked to the reviewee.`,
            ...(far ? [`The ${earlier.length} earlier reviews averaged ${earlierAverage!.toFixed(1)}.`] : []),
          ],
          data: { reviews: burst.length, reviewers: [...reviewers], fresh, linked, earlierAverage },
        },
        reviewers.size * C.points.perSuspicious +
          linked * C.points.linkedReviewer +
          (far ? C.points.farFromHistory : 0),
      )
      if (draft) drafts.push(draft)
    }
  }
  return drafts
}
