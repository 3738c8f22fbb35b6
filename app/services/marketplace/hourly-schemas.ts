import * as z from 'zod'
import { ISO_DAY, requiredText } from '~/domain/form-fields'
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
  memo: requiredText('Say what you worked on', {
    min: [3, 'Say what you worked on (at least 3 characters)'],
    max: [500, 'Keep the memo under 500 characters'],
  }),
})

export const DisputeInvoiceSchema = z.object({
  invoiceId: z.string().min(1),
  reason: requiredText('Say what is wrong with this invoice', {
    min: [20, 'Say what is wrong with this invoice (at least 20 characters)'],
    max: [2000, 'Keep it under 2,000 characters'],
  }),
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
