import * as z from 'zod'
import { describedText, oneLine } from '~/domain/form-fields'
import { MEETING_RECURRENCES } from '~/domain/enums'
import { MAX_OCCURRENCES, MEETING_DURATIONS } from './meeting-options'

/** The duration the booking page shows free times for (a GET form, so it works without JavaScript). */
export const DurationQuerySchema = z.coerce
  .number()
  .refine((minutes) => (MEETING_DURATIONS as readonly number[]).includes(minutes))
  .catch(30)

const slot = z.iso.datetime({ error: 'Choose a time from the list' })

export const BookMeetingSchema = z
  .object({
    title: oneLine(
      describedText('Give the meeting a title', [3, 120], 'the title'),
      'Keep the title on one line, without line breaks or control characters',
    ),
    agenda: z.string().trim().max(2000, 'Keep the agenda under 2,000 characters').default(''),
    // conform turns the typed text into numbers before zod sees it.
    durationMinutes: z
      .number({ error: 'Choose a duration' })
      .refine((minutes) => (MEETING_DURATIONS as readonly number[]).includes(minutes), 'Choose 30, 45 or 60 minutes'),
    slot,
    recurrence: z.enum(MEETING_RECURRENCES, { error: 'Choose whether it repeats' }).default('none'),
    occurrences: z
      .number({ error: 'How many times in all? (2 to 12)' })
      .int('A whole number of times')
      .min(2, 'At least 2 times for a repeating meeting')
      .max(MAX_OCCURRENCES, `At most ${MAX_OCCURRENCES} times`)
      .optional(),
  })
  .superRefine((value, context) => {
    if (value.recurrence !== 'none' && value.occurrences === undefined)
      context.addIssue({ code: 'custom', path: ['occurrences'], message: 'How many times in all? (2 to 12)' })
  })
export type BookMeetingInput = z.output<typeof BookMeetingSchema>

export const RescheduleMeetingSchema = z.object({ slot })
