import * as z from 'zod'
import { describedText } from '~/domain/form-fields'
import type { ReviewDirection } from '~/domain/enums'
import { detectOffPlatform } from '~/services/messaging/off-platform'
import { SUB_RATINGS } from './review-ratings'

/** Reviews and replies show on public profiles: contact details there are a way around escrow for anyone reading. */
const PUBLIC_TEXT_MESSAGE = (what: string) =>
  `${what} is public: leave out email addresses, phone numbers, other apps and ways to pay outside MegiLance`

function rating(message: string) {
  return z.number({ error: message }).int(message).min(1, message).max(5, message)
}

/** The review form of one direction: overall 1–5, each sub-rating 1–5, and a written comment. */
export function reviewSchema(direction: ReviewDirection) {
  const subRatings = Object.fromEntries(
    SUB_RATINGS[direction].map(({ name }) => [name, rating('Choose a rating from 1 to 5')]),
  ) as Record<string, ReturnType<typeof rating>>
  return z.object({
    rating: rating('Choose an overall rating from 1 to 5'),
    subRatings: z.object(subRatings),
    comment: describedText('Write a few words about working together', [20, 2000], 'the review').refine(
      (text) => detectOffPlatform(text).length === 0,
      PUBLIC_TEXT_MESSAGE('A review'),
    ),
  })
}

export type ReviewInput = z.infer<ReturnType<typeof reviewSchema>>

/** The reviewed person's public answer to a review. */
export const ReviewReplySchema = z.object({
  reply: describedText('Write your reply', [10, 1000], 'your reply').refine(
    (text) => detectOffPlatform(text).length === 0,
    PUBLIC_TEXT_MESSAGE('A reply'),
  ),
})
