import * as z from 'zod'
import { PAYOUT_SPEEDS } from '~/domain/enums'

/** The forms of /payouts/methods, /payouts/bank, /payouts and /admin/payouts (shared by browser and server). */

export const PayoutMethodFormSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('add-crypto'),
    asset: z.string({ error: 'Choose the asset.' }).trim().min(2, 'Choose the asset.'),
    network: z.string({ error: 'Choose the network.' }).trim().min(2, 'Choose the network.'),
    address: z
      .string({ error: 'Enter the wallet address.' })
      .trim()
      .min(20, 'Enter the whole wallet address.')
      .max(120, 'That is too long for a wallet address.'),
  }),
  z.object({ intent: z.literal('add-bank') }),
  z.object({ intent: z.literal('remove'), methodId: z.string().min(1) }),
])

export const SandboxBankSchema = z.object({
  holderName: z
    .string({ error: 'Enter the account holder’s name.' })
    .trim()
    .min(2, 'Enter the account holder’s name.')
    .max(100),
  country: z
    .string({ error: 'Enter the country as a 2-letter code, e.g. DE or US.' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'Enter the country as a 2-letter code, e.g. DE or US.'),
  accountNumber: z
    .string({ error: 'Enter the IBAN or account number.' })
    .trim()
    .min(4, 'Enter the IBAN or account number.')
    .max(42),
})

export const PayoutRequestSchema = z.object({
  intent: z.enum(['review', 'confirm']),
  methodId: z.string({ error: 'Choose where the money goes.' }).min(1, 'Choose where the money goes.'),
  currency: z
    .string({ error: 'Choose the balance to pay out from.' })
    .regex(/^[A-Z]{3}$/, 'Choose the balance to pay out from.'),
  amount: z
    .string({ error: 'Enter the amount.' })
    .trim()
    .regex(/^\d{1,9}(\.\d{1,3})?$/, 'Enter an amount like 250 or 250.50.'),
  speed: z.enum(PAYOUT_SPEEDS, { error: 'Choose standard or instant.' }),
  idempotencyKey: z.string().min(8).max(64),
})

export const AdminPayoutActionSchema = z.object({
  intent: z.enum(['hold', 'release', 'cancel']),
  payoutId: z.string().min(1),
  reason: z
    .string({ error: 'Give a reason; the freelancer sees it.' })
    .trim()
    .min(5, 'Give a reason of at least 5 characters; the freelancer sees it.')
    .max(500, 'Keep the reason under 500 characters.'),
})
