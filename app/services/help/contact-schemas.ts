import * as z from 'zod'
import { requiredText } from '~/domain/form-fields'

export const CONTACT_TOPICS = [
  { value: 'account', label: 'My account and signing in' },
  { value: 'payments', label: 'Payments, fees and escrow' },
  { value: 'contracts', label: 'Contracts and milestones' },
  { value: 'disputes', label: 'Disputes' },
  { value: 'reviews', label: 'Reviews and ranking' },
  { value: 'safety', label: 'Report a scam or abuse' },
  { value: 'other', label: 'Something else' },
] as const
type ContactTopic = (typeof CONTACT_TOPICS)[number]['value']
const TOPIC_VALUES = CONTACT_TOPICS.map((topic) => topic.value) as [ContactTopic, ...ContactTopic[]]

export function contactTopicLabel(value: string): string {
  return CONTACT_TOPICS.find((topic) => topic.value === value)?.label ?? value
}

/** The field bots fill and people never see; a filled one means the post is dropped silently. */
export const HONEYPOT_FIELD = 'website'

export const ContactSchema = z.object({
  name: requiredText('Enter your name', {
    min: [2, 'Enter your name (at least 2 characters)'],
    max: [80, 'Use at most 80 characters'],
  }),
  email: z
    .string({ error: 'Enter your email address, so we can answer' })
    .trim()
    .max(254, 'That email address is too long')
    .pipe(z.email('Enter a valid email address, so we can answer')),
  topic: z.enum(TOPIC_VALUES, { error: 'Choose what your question is about' }),
  message: requiredText('Write your question', {
    min: [20, 'Tell us a little more (at least 20 characters)'],
    max: [5000, 'Keep it under 5,000 characters'],
  }),
})

export const ContactReplySchema = z.object({
  reply: requiredText('Write the answer', {
    min: [10, 'Write the answer (at least 10 characters)'],
    max: [5000, 'Keep it under 5,000 characters'],
  }),
})
