import crypto from 'node:crypto'
import * as z from 'zod'

/** The header carrying the hex HMAC-SHA256 of the raw body (an optional "sha256=" prefix is allowed). */
export const CRYPTO_SIGNATURE_HEADER = 'x-crypto-signature'

export function signCryptoWebhook(rawBody: string, secret: string): string {
  return crypto.createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')
}

/** Checks the signature over the exact bytes received, in constant time. */
export function verifyCryptoWebhookSignature(rawBody: string, header: string | null, secret: string): boolean {
  if (!header) return false
  const given = header.trim().replace(/^sha256=/i, '')
  if (!/^[0-9a-f]{64}$/i.test(given)) return false
  const expected = Buffer.from(signCryptoWebhook(rawBody, secret), 'hex')
  return crypto.timingSafeEqual(expected, Buffer.from(given, 'hex'))
}

/** What the provider reports: the request it paid, the transaction, and what arrived in smallest units. */
export const CryptoWebhookSchema = z.object({
  requestId: z.string().min(1).max(100),
  txHash: z.string().trim().min(1).max(200),
  amount: z.string().regex(/^\d{1,78}$/, 'amount must be a whole number of the smallest unit, as text'),
  asset: z.string().min(2).max(10),
})
