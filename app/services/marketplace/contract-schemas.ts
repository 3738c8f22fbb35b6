import * as z from 'zod'

export const SubmitWorkSchema = z.object({
  note: z
    .string({ error: 'Say what you are delivering and where to find it.' })
    .trim()
    .min(5, 'Say what you are delivering and where to find it (at least 5 characters).')
    .max(5000, 'Keep the note under 5,000 characters.'),
})

export const RequestChangesSchema = z.object({
  changes: z
    .string({ error: 'Say what should change.' })
    .trim()
    .min(5, 'Say what should change (at least 5 characters).')
    .max(5000, 'Keep the request under 5,000 characters.'),
})

export const FundMilestoneSchema = z.object({
  method: z.enum(['card', 'wallet'], { error: 'Choose how to pay.' }),
})

export const EndContractSchema = z.object({
  reason: z
    .string({ error: 'Say why the contract ends; both sides see it.' })
    .trim()
    .min(5, 'Say why the contract ends (at least 5 characters); both sides see it.')
    .max(2000, 'Keep the reason under 2,000 characters.'),
})

export const AddMilestoneSchema = z.object({
  title: z
    .string({ error: 'Give the milestone a title.' })
    .trim()
    .min(3, 'The title needs at least 3 characters.')
    .max(120, 'Keep the title under 120 characters.'),
  amount: z
    .string({ error: 'Enter the amount.' })
    .trim()
    .regex(/^\d{1,9}(\.\d{1,3})?$/, 'Enter an amount like 250 or 250.50.'),
  dueDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the due date as a date.')
    .optional(),
})

export const CardCheckoutSchema = z.object({
  name: z.string({ error: 'Enter the name on the card.' }).trim().min(2, 'Enter the name on the card.').max(100),
  number: z
    .string({ error: 'Enter the card number.' })
    .trim()
    .min(12, 'Enter the whole card number.')
    .max(23, 'That is too long for a card number.'),
  expiry: z
    .string({ error: 'Enter the expiry date as MM/YY.' })
    .trim()
    .min(4, 'Enter the expiry date as MM/YY.')
    .max(9),
  cvc: z
    .string({ error: 'Enter the security code.' })
    .trim()
    .min(3, 'Enter the security code.')
    .max(4, 'The security code has 3 or 4 digits.'),
})

/** The buttons on a contract's page (each form sends its intent). */
export const ContractPageIntentSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('fund') }),
  z.object({ intent: z.literal('submit') }),
  z.object({ intent: z.literal('request_changes') }),
  z.object({ intent: z.literal('approve') }),
  z.object({ intent: z.literal('add-milestone') }),
  z.object({ intent: z.literal('end-contract') }),
])
