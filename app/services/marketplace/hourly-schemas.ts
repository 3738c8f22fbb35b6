import * as z from 'zod'
import { describedText, ISO_DAY } from '~/domain/form-fields'
import { isMonday, MAX_WEEKLY_LIMIT_HOURS, parseDuration, parseIsoDay } from './hourly'

export const LogTimeSchema = z.object({
  workDate: z.string({ error: 'Choose the day you worked' }).regex(ISO_DAY, 'Choose the day you worked'),
  duration: z
    .string({ error: 'Enter how long you worked, e.g. 1:30 or 1.5' })
    .trim()
    .refine((value) => {
      const minutes = parseDuration(value)
      return minutes !== null && minutes > 0 && minutes <= 24 * 60
    }, 'Enter how long you worked, e.g. 1:30 or 1.5 (at most 24 hours)'),
  memo: describedText('Say what you worked on', [3, 500], 'the memo'),
})

export const DisputeInvoiceSchema = z.object({
  invoiceId: z.string().min(1),
  reason: describedText('Say what is wrong with this invoice', [20, 2000]),
})

/** Which week an invoice is for: a real Monday (whether that week is over is the service's rule). */
export const SendInvoiceSchema = z.object({
  weekStart: z
    .string({ error: 'Choose the week to invoice' })
    .regex(ISO_DAY, 'The week must be a date (YYYY-MM-DD)')
    .refine((value) => parseIsoDay(value) !== null, 'The week must be a real date')
    .refine(isMonday, 'The week must start on a Monday'),
})

export const WeeklyLimitSchema = z.object({
  hours: z
    .number({ error: 'Enter the most hours a week you will pay for' })
    .int('Enter whole hours')
    .min(1, 'Allow at least 1 hour a week')
    .max(MAX_WEEKLY_LIMIT_HOURS, `At most ${MAX_WEEKLY_LIMIT_HOURS} hours a week`),
})
