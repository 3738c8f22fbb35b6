import * as z from 'zod'
import { amountText, requiredText } from '~/domain/form-fields'
import { PAYOUT_SPEEDS } from '~/domain/enums'

/** The forms of /payouts/methods, /payouts/bank, /payouts and /admin/payouts (shared by browser and server). */

export const PayoutMethodFormSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('add-crypto'),
    asset: requiredText('Choose the asset.', { min: [2, 'Choose the asset.'] }),
    network: requiredText('Choose the network.', { min: [2, 'Choose the network.'] }),
    address: requiredText('Enter the wallet address.', {
      min: [20, 'Enter the whole wallet address.'],
      max: [120, 'That is too long for a wallet address.'],
    }),
  }),
  z.object({ intent: z.literal('add-bank') }),
  z.object({ intent: z.literal('remove'), methodId: z.string().min(1) }),
])

export const SandboxBankSchema = z.object({
  holderName: requiredText('Enter the account holder’s name.', {
    min: [2, 'Enter the account holder’s name.'],
    max: 100,
  }),
  /** An ISO 3166 code from the page's list; the server checks it is one of the list's (payout-methods.server). */
  country: z
    .string({ error: 'Choose the bank’s country.' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'Choose the bank’s country from the list.'),
  accountNumber: requiredText('Enter the IBAN or account number.', {
    min: [4, 'Enter the IBAN or account number.'],
    max: 42,
  }),
})

export const PayoutRequestSchema = z.object({
  intent: z.enum(['review', 'confirm']),
  methodId: z.string({ error: 'Choose where the money goes.' }).min(1, 'Choose where the money goes.'),
  currency: z
    .string({ error: 'Choose the balance to pay out from.' })
    .regex(/^[A-Z]{3}$/, 'Choose the balance to pay out from.'),
  amount: amountText,
  speed: z.enum(PAYOUT_SPEEDS, { error: 'Choose standard or instant.' }),
  idempotencyKey: z.string().min(8).max(64),
})

export const AdminPayoutActionSchema = z.object({
  intent: z.enum(['hold', 'release', 'cancel']),
  payoutId: z.string().min(1),
  reason: requiredText('Give a reason; the freelancer sees it.', {
    min: [5, 'Give a reason of at least 5 characters; the freelancer sees it.'],
    max: [500, 'Keep the reason under 500 characters.'],
  }),
})
