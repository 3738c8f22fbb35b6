import * as z from 'zod'
import { describedText, emailText, oneLine, requiredText } from '~/domain/form-fields'
import { pageParam } from '~/domain/query-params'
import { CONTACT_TOPIC_VALUES as TOPIC_VALUES } from './contact-topics'

export const ContactSchema = z.object({
  name: oneLine(
    requiredText('Enter your name', {
      min: [2, 'Enter your name (at least 2 characters)'],
      max: [80, 'Use at most 80 characters'],
    }),
    'Write your name on one line, without line breaks or control characters',
  ),
  email: emailText('Enter your email address, so we can answer', 'Enter a valid email address, so we can answer'),
  topic: z.enum(TOPIC_VALUES, { error: 'Choose what your question is about' }),
  message: requiredText('Write your question', {
    min: [20, 'Tell us a little more (at least 20 characters)'],
    max: [5000, 'Keep it under 5,000 characters'],
  }),
  /** The page a report is about (a hidden field the "Report" links fill); the server checks it. */
  about: z.string().max(300).optional(),
})

export const ContactReplySchema = z.object({
  reply: describedText('Write the answer', [10, 5000]),
})

/** The admin list's filters (a GET form: a bad value falls back rather than failing). */
export const ContactRequestFilterSchema = z.object({
  status: z.enum(['open', 'answered']).catch('open'),
  page: pageParam,
})
