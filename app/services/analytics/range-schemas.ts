import * as z from 'zod'
import { ISO_DAY } from '~/domain/form-fields'
import { RANGE_PRESETS, type RangeInput } from './periods'

/*
 * The analytics pages' forms. Apart from periods.ts (whose labels the period form shows), so the
 * browser never loads zod for them.
 */

const isoDay = z.string().regex(ISO_DAY, 'Use the form YYYY-MM-DD')

/** The GET form: a preset, or custom with both dates (inclusive, platform days). */
export const rangeSchema = z
  .object({
    range: z.enum(RANGE_PRESETS).default('30d'),
    from: isoDay.optional(),
    to: isoDay.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.range !== 'custom') return
    if (!value.from) ctx.addIssue({ code: 'custom', path: ['from'], message: 'Choose the first day' })
    if (!value.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Choose the last day' })
    if (value.from && value.to && value.from > value.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'The last day must not be before the first' })
    }
  }) satisfies z.ZodType<RangeInput>

/** The admin analytics page's button: the weekly report by email on or off. */
export const AdminAnalyticsIntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('weekly-report'), on: z.enum(['true', 'false']) }),
])
