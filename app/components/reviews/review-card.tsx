import type { ReviewDirection } from '~/domain/enums'
import { SUB_RATINGS } from '~/services/marketplace/review-ratings'
import { formatDate } from '~/utils/format'

export type ReviewCardData = {
  rating: number
  subRatings: Record<string, number>
  comment: string
  createdAt: string
  direction: ReviewDirection
}

function Stars({ rating }: { rating: number }) {
  return (
    <span className="review__stars" role="img" aria-label={`${rating} out of 5`}>
      {'★'.repeat(rating)}
      {'☆'.repeat(5 - rating)}
    </span>
  )
}

/** One written review: overall stars, the sub-ratings, and what was said. */
export function ReviewCard({ review }: { review: ReviewCardData }) {
  const labels = SUB_RATINGS[review.direction]
  return (
    <div className="review">
      <p>
        <Stars rating={review.rating} /> <span className="muted">written {formatDate(review.createdAt)}</span>
      </p>
      <dl className="review__subratings">
        {labels.map(({ name, label }) =>
          review.subRatings[name] !== undefined ? (
            <div key={name} className="review__subrating">
              <dt>{label}</dt>
              <dd>{review.subRatings[name]} / 5</dd>
            </div>
          ) : null,
        )}
      </dl>
      <p className="review__comment">{review.comment}</p>
    </div>
  )
}
