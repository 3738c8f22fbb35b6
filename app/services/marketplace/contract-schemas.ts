import * as z from 'zod'
import { amountText, describedText, ISO_DAY, oneLine, requiredText } from '~/domain/form-fields'

export const SubmitWorkSchema = z.object({
  note: describedText('Say what you are delivering and where to find it.', [5, 5000], 'the note'),
})

export const RequestChangesSchema = z.object({
  changes: describedText('Say what should change.', [5, 5000], 'the request'),
})

export const FundMilestoneSchema = z.object({
  method: z.enum(['card', 'wallet'], { error: 'Choose how to pay.' }),
})

export const EndContractSchema = z.object({
  reason: requiredText('Say why the contract ends; both sides see it.', {
    min: [5, 'Say why the contract ends (at least 5 characters); both sides see it.'],
    max: [2000, 'Keep the reason under 2,000 characters.'],
  }),
})

export const AddMilestoneSchema = z.object({
  title: oneLine(
    requiredText('Give the milestone a title.', {
      min: [3, 'The title needs at least 3 characters.'],
      max: [120, 'Keep the title under 120 characters.'],
    }),
    'Keep the title on one line, without line breaks or control characters.',
  ),
  amount: amountText,
  dueDate: z.string().regex(ISO_DAY, 'Enter the due date as a date.').optional(),
})

export const CardCheckoutSchema = z.object({
  name: requiredText('Enter the name on the card.', { min: [2, 'Enter the name on the card.'], max: 100 }),
  number: requiredText('Enter the card number.', {
    min: [12, 'Enter the whole card number.'],
    max: [23, 'That is too long for a card number.'],
  }),
  expiry: requiredText('Enter the expiry date as MM/YY.', { min: [4, 'Enter the expiry date as MM/YY.'], max: 9 }),
  cvc: requiredText('Enter the security code.', {
    min: [3, 'Enter the security code.'],
    max: [4, 'The security code has 3 or 4 digits.'],
  }),
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
