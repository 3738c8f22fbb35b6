import { insertCardAttempt } from '~/models/fraud-alerts.server'
import { keyedHash } from '~/utils/keyed-hash.server'
import { readOrCreateDeviceId } from '~/services/security/device-cookie.server'
import { screenAccount } from './screening.server'

export type CardAttemptOrigin = { ip: string | null; deviceId: string | null }

/** Where a card attempt comes from: the client's IP and the browser's device cookie (only when it already has one). */
export async function cardAttemptOriginOf(request: Request, clientIp: string | null): Promise<CardAttemptOrigin> {
  const { deviceId, setCookie } = await readOrCreateDeviceId(request)
  return { ip: clientIp, deviceId: setCookie ? null : deviceId }
}

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
  /** The payer's IP and browser cookie id, when the attempt came through a request. */
  origin?: CardAttemptOrigin | null
}): Promise<void> {
  const digits = input.cardNumber.replace(/\D/g, '')
  await insertCardAttempt({
    userId: input.userId,
    paymentId: input.paymentId,
    amountMinor: input.amountMinor,
    currency: input.currency,
    cardFingerprint: digits ? keyedHash(`card:${digits}`) : null,
    ip: input.origin?.ip ?? null,
    deviceId: input.origin?.deviceId ?? null,
    ok: input.ok,
    declineReason: input.declineReason,
    createdAt: input.at,
  })
  await screenAccount(input.userId, input.at)
}
