import * as z from 'zod'
import { requiredText } from '~/domain/form-fields'
import { normaliseCidr } from './ip-ranges'

const CIDR_HINT = 'Enter an IP address such as 203.0.113.7 or a range such as 203.0.113.0/24'

const cidrField = z
  .string({ error: 'Enter an IP address or range' })
  .trim()
  .max(64, CIDR_HINT)
  .refine((value) => normaliseCidr(value) !== null, CIDR_HINT)

export const BlocklistFormSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('add'),
    cidr: cidrField,
    reason: requiredText('Say why this range is blocked', {
      min: [3, 'Say why this range is blocked'],
      max: [300, 'Use at most 300 characters'],
    }),
  }),
  z.object({ intent: z.literal('remove'), entryId: z.string().min(1) }),
])

export const AllowlistFormSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('add'),
    cidr: cidrField,
    label: z.string().trim().max(60, 'Use at most 60 characters').optional(),
  }),
  z.object({ intent: z.literal('remove'), entryId: z.string().min(1) }),
])
