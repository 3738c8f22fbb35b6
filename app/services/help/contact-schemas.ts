import * as z from 'zod'
import { describedText, emailText, requiredText } from '~/domain/form-fields'
import { labelOf, valuesOf } from '~/domain/value-labels'

const TOPIC_LABELS = {
  account: 'My account and signing in',
  payments: 'Payments, fees and escrow',
  contracts: 'Contracts and milestones',
  disputes: 'Disputes',
  reviews: 'Reviews and ranking',
  safety: 'Report a scam or abuse',
  other: 'Something else',
}
const TOPIC_VALUES = valuesOf(TOPIC_LABELS)
/** The topic select's options, in the order above. */
export const CONTACT_TOPICS = TOPIC_VALUES.map((value) => ({ value, label: TOPIC_LABELS[value] }))

export function contactTopicLabel(value: string): string {
  return labelOf(TOPIC_LABELS, value)
}

/** The field bots fill and people never see; a filled one means the post is dropped silently. */
export const HONEYPOT_FIELD = 'website'

export const ContactSchema = z.object({
  name: requiredText('Enter your name', {
    min: [2, 'Enter your name (at least 2 characters)'],
    max: [80, 'Use at most 80 characters'],
  }),
  email: emailText('Enter your email address, so we can answer', 'Enter a valid email address, so we can answer'),
  topic: z.enum(TOPIC_VALUES, { error: 'Choose what your question is about' }),
  message: requiredText('Write your question', {
    min: [20, 'Tell us a little more (at least 20 characters)'],
    max: [5000, 'Keep it under 5,000 characters'],
  }),
})

export const ContactReplySchema = z.object({
  reply: describedText('Write the answer', [10, 5000]),
})
