import { z } from 'zod'
import { parseDuration } from './hourly'

export const LogTimeSchema = z.object({
  workDate: z.string({ error: 'Choose the day you worked' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Choose the day you worked'),
  duration: z
    .string({ error: 'Enter how long you worked, e.g. 1:30 or 1.5' })
    .trim()
    .refine((value) => {
      const minutes = parseDuration(value)
      return minutes !== null && minutes > 0 && minutes <= 24 * 60
    }, 'Enter how long you worked, e.g. 1:30 or 1.5 (at most 24 hours)'),
  memo: z
    .string({ error: 'Say what you worked on' })
    .trim()
    .min(3, 'Say what you worked on (at least 3 characters)')
    .max(500, 'Keep the memo under 500 characters'),
})

export const DisputeInvoiceSchema = z.object({
  invoiceId: z.string().min(1),
  reason: z
    .string({ error: 'Say what is wrong with this invoice' })
    .trim()
    .min(20, 'Say what is wrong with this invoice (at least 20 characters)')
    .max(2000, 'Keep it under 2,000 characters'),
})
