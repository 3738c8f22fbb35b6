import crypto from 'node:crypto'
import {
  consumeOneTimeCode,
  takeOneTimeCodeTry,
  findLiveOneTimeCode,
  replaceOneTimeCode,
  type OneTimeCode,
} from '~/models/one-time-codes.server'
import { keyedHash, sameHash } from '~/utils/keyed-hash.server'
import { MINUTE_MS } from '~/domain/durations'

export const CODE_MINUTES = 10
const CODE_MAX_ATTEMPTS = 5

/** `boundTo` ties the code to one request (a pending sign-in, a session); '' when the purpose is enough. */
export type CodeRequest = Pick<OneTimeCode, 'userId' | 'channel' | 'purpose' | 'destination'> & { boundTo?: string }

export function generateSixDigitCode(): string {
  return crypto.randomInt(0, 1_000_000).toString().padStart(6, '0')
}

/** Creates a fresh code (older ones for the same purpose stop working) and returns it for sending. */
export async function issueOneTimeCode(request: CodeRequest, now = new Date()): Promise<string> {
  const code = generateSixDigitCode()
  const id = crypto.randomUUID()
  await replaceOneTimeCode({
    id,
    ...request,
    boundTo: request.boundTo ?? '',
    codeHash: keyedHash(`${id}:${code}`),
    expiresAt: new Date(now.getTime() + CODE_MINUTES * MINUTE_MS),
    createdAt: now,
  })
  return code
}

/**
 * True once for the right code. Every try counts; after five the code is dead. The destination
 * (for SMS, the phone the code went to) comes back so a phone can be verified with its code.
 */
export async function redeemOneTimeCode(
  key: Pick<OneTimeCode, 'userId' | 'channel' | 'purpose'> & { boundTo?: string },
  code: string,
  now = new Date(),
): Promise<{ ok: true; destination: string } | { ok: false }> {
  const live = await findLiveOneTimeCode({ ...key, boundTo: key.boundTo ?? '' }, now)
  if (!live || !(await takeOneTimeCodeTry(live.id, CODE_MAX_ATTEMPTS))) return { ok: false }
  const digits = code.replace(/\s+/g, '')
  if (!sameHash(live.codeHash, keyedHash(`${live.id}:${digits}`))) return { ok: false }
  return (await consumeOneTimeCode(live.id, now)) ? { ok: true, destination: live.destination } : { ok: false }
}
