import { insertCardAttempt } from '~/models/fraud-alerts.server'
import { keyedHash } from '~/utils/keyed-hash.server'
import { screenAccount } from './screening.server'

/**
 * Keeps one card attempt (a processor's answer, accepted or declined) and screens the payer.
 * The card is kept as a keyed hash of its digits: enough to tell cards apart and to see one card
 * on several accounts, never the number.
 */
export async function recordCardAttempt(input: {
  userId: string
  paymentId: string
  amountMinor: number
  currency: string
  cardNumber: string
  ok: boolean
  declineReason: string | null
  at: Date
}): Promise<void> {
  const digits = input.cardNumber.replace(/\D/g, '')
  await insertCardAttempt({
    userId: input.userId,
    paymentId: input.paymentId,
    amountMinor: input.amountMinor,
    currency: input.currency,
    cardFingerprint: digits ? keyedHash(`card:${digits}`) : null,
    ok: input.ok,
    declineReason: input.declineReason,
    createdAt: input.at,
  })
  await screenAccount(input.userId, input.at)
}
