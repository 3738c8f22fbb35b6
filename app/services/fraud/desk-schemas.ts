import * as z from 'zod'
import { reasonShownTo, requiredText } from '~/domain/form-fields'

const note = requiredText('Write a note for the history', {
  min: [5, 'Write a note of at least 5 characters'],
  max: [1000, 'Use at most 1000 characters'],
})

/** The workflow form on an alert: the step, a required note and who takes the alert on. */
export const AlertWorkflowSchema = z.object({
  intent: z.literal('workflow'),
  action: z.enum(['investigate', 'resolve', 'dismiss', 'reopen']),
  assigneeId: z.string().max(100).optional(),
  note,
})

/** Blocking an involved account from the alert (the existing block-with-reason flow). */
export const AlertBlockSchema = z.object({
  intent: z.literal('block'),
  userId: z.string().min(1).max(100),
  reason: reasonShownTo('the user'),
})

/** Releasing a held payout, or keeping it held, from the alert, with a note. */
export const AlertPayoutSchema = z.object({
  intent: z.literal('payout'),
  payoutId: z.string().min(1).max(100),
  decision: z.enum(['release', 'keep']),
  note,
})

/** Opening a dispute hold on a milestone in escrow from the alert, with the note that becomes its reason. */
export const AlertDisputeHoldSchema = z.object({
  intent: z.literal('dispute_hold'),
  milestoneId: z.string({ error: 'Choose a milestone' }).min(1, 'Choose a milestone').max(100),
  note,
})

/** Every form of the alert page, told apart by its button's intent. */
export const AlertFormSchema = z.discriminatedUnion('intent', [
  AlertWorkflowSchema,
  AlertBlockSchema,
  AlertPayoutSchema,
  AlertDisputeHoldSchema,
])
