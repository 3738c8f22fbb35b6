import { Link } from '@remix-run/react'
import { formatDate } from '~/utils/format'
import { CardSection } from '~/components/ui/card-section'

export type ReviewView = {
  id: string
  contractTitle: string
  reviewerName: string
  rating: number
  subRatings: Record<string, number>
  comment: string
  createdAt: string | Date
  reply: string | null
  repliedAt: string | Date | null
}

export type ReviewStatsView = {
  count: number
  average: number | null
  subAverages: Record<string, number>
  histogram: number[]
}

function humanize(name: string): string {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function stars(rating: number): string {
  return `${rating.toFixed(1)} out of 5`
}

/**
 * The aggregates over the visible reviews, and the reviews themselves with the reviewed person's
 * replies; `canReply` when the reviewed person is the one reading.
 */
export function ReviewSection({
  stats,
  reviews,
  reviewee,
  canReply = false,
}: {
  stats: ReviewStatsView
  reviews: ReviewView[]
  reviewee: string
  canReply?: boolean
}) {
  return (
    <CardSection id="reviews-heading" title="Reviews">
      {stats.count && stats.average !== null ? (
        <>
          <p>
            <strong>{stars(stats.average)}</strong> from {stats.count} {stats.count === 1 ? 'review' : 'reviews'}
          </p>
          {Object.keys(stats.subAverages).length ? (
            <dl className="review-subratings">
              {Object.entries(stats.subAverages).map(([name, value]) => (
                <div key={name}>
                  <dt>{humanize(name)}</dt>
                  <dd>{stars(value)}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          <ul className="list">
            {reviews.map((review) => (
              <li key={review.id}>
                <article id={`review-${review.id}`} className="review" aria-label={`Review by ${review.reviewerName}`}>
                  <p>
                    <strong>{stars(review.rating)}</strong> · {review.contractTitle}
                  </p>
                  <blockquote>{review.comment}</blockquote>
                  <p className="muted">
                    {review.reviewerName}, {formatDate(review.createdAt)}
                  </p>
                  {review.reply !== null ? (
                    <div className="review__reply">
                      <p>
                        <strong>Reply from {reviewee}</strong>
                        {review.repliedAt ? <span className="muted">, {formatDate(review.repliedAt)}</span> : null}
                      </p>
                      <blockquote>{review.reply}</blockquote>
                    </div>
                  ) : null}
                  {canReply ? (
                    <p>
                      <Link to={`/reviews/${review.id}/reply`}>
                        {review.reply === null ? 'Reply publicly' : 'Change or remove your reply'}
                      </Link>
                    </p>
                  ) : null}
                </article>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="empty">
          No reviews to show yet. Reviews appear once both sides have written theirs, or 14 days after a contract ends.
        </p>
      )}
    </CardSection>
  )
}
