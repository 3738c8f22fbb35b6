import * as z from 'zod'
import { DISPUTE_DECISIONS } from '~/domain/enums'

const longText = (what: string, min: number) =>
  z
    .string({ error: `${what} (at least ${min} characters)` })
    .trim()
    .min(min, `${what} (at least ${min} characters)`)
    .max(5000, 'Keep it under 5,000 characters')

export const OpenDisputeSchema = z.object({
  reason: longText('Say what went wrong', 20),
  evidence: z.string().trim().max(5000, 'Keep it under 5,000 characters').default(''),
})

export const RespondDisputeSchema = z.object({
  response: longText('Give your side of what happened', 20),
})

export const DecideDisputeSchema = z.object({
  decision: z.enum(DISPUTE_DECISIONS, { error: 'Choose a decision' }),
  /** Only for a split: the freelancer's share, typed as an amount ("120.50"). */
  freelancerShare: z.string().trim().optional(),
  reason: longText('Write the reason both sides will read', 20),
})
