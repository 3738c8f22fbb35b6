import * as z from 'zod'
import { describedText } from '~/domain/form-fields'
import type { ReviewDirection } from '~/domain/enums'

/** The sub-ratings each side gives the other, by the name stored in reviews.sub_ratings. */
export const SUB_RATINGS: Record<ReviewDirection, ReadonlyArray<{ name: string; label: string }>> = {
  client_to_freelancer: [
    { name: 'quality', label: 'Quality of work' },
    { name: 'communication', label: 'Communication' },
    { name: 'deadlines', label: 'Meeting deadlines' },
  ],
  freelancer_to_client: [
    { name: 'clarity', label: 'Clear requirements' },
    { name: 'communication', label: 'Communication' },
    { name: 'payment', label: 'Prompt payment' },
  ],
}

export const RATING_OPTIONS = [
  { value: '5', label: '5 — Excellent' },
  { value: '4', label: '4 — Good' },
  { value: '3', label: '3 — Fine' },
  { value: '2', label: '2 — Below expectations' },
  { value: '1', label: '1 — Poor' },
] as const

function rating(message: string) {
  return z.number({ error: message }).int(message).min(1, message).max(5, message)
}

/** The review form of one direction: overall 1–5, each sub-rating 1–5, and a written comment. */
export function reviewSchema(direction: ReviewDirection) {
  const subRatings = Object.fromEntries(
    SUB_RATINGS[direction].map(({ name, label }) => [name, rating(`Rate “${label}” from 1 to 5`)]),
  ) as Record<string, ReturnType<typeof rating>>
  return z.object({
    rating: rating('Choose an overall rating from 1 to 5'),
    subRatings: z.object(subRatings),
    comment: describedText('Write a few words about working together', [20, 2000], 'the review'),
  })
}

export type ReviewInput = z.infer<ReturnType<typeof reviewSchema>>
