import * as z from 'zod'
import { requiredText } from '~/domain/form-fields'
import { pageParam } from '~/domain/query-params'
import { CONTACT_TOPICS, type ContactTopic } from './contact-topics'

const TOPIC_VALUES = CONTACT_TOPICS.map((topic) => topic.value) as [ContactTopic, ...ContactTopic[]]

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

/** The admin list's filters (a GET form: a bad value falls back rather than failing). */
export const ContactRequestFilterSchema = z.object({
  status: z.enum(['open', 'answered']).catch('open'),
  page: pageParam,
})
