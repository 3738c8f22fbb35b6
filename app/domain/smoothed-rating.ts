/**
 * The rating smoothing of the published rank formula (/rank), in one place: the rank, matching,
 * the success model and the talent search's sort all read it from here. Everyone starts as if they
 * had `reviews` reviews of `rating` stars, so one review neither makes nor breaks a newcomer.
 *
 * The talent search keeps this value stored per freelancer (freelancer_profiles.rating_smoothed),
 * written by triggers that must say the same numbers in SQL (drizzle/0035_talent_rating_listed.sql):
 * changing the prior needs a migration that rewrites them, and app/models/talent-rating.server.test.ts
 * fails until it does.
 */
export const RATING_PRIOR = { reviews: 5, rating: 4 } as const

/** The smoothed mean rating, 1–5, of `reviewCount` reviews averaging `averageRating`. */
export function smoothedRating(reviewCount: number, averageRating: number | null): number {
  const total = (averageRating ?? 0) * reviewCount
  return smoothedRatingOfTotals(total, reviewCount)
}

/** The same from the sum of the ratings and their count. */
export function smoothedRatingOfTotals(ratingSum: number, reviewCount: number): number {
  return (RATING_PRIOR.reviews * RATING_PRIOR.rating + ratingSum) / (RATING_PRIOR.reviews + reviewCount)
}
