import { deleteThrottles, findThrottles, updateThrottle } from '~/models/auth-throttles.server'
import { nextThrottleState, retryAfterSeconds } from './throttle-policy'

/** What is being guarded, and how many failures in a row each key may have before the back-off. */
export const THROTTLE_SCOPES = {
  'sign-in': { perAccount: 5, perIp: 50 },
  'second-factor': { perAccount: 5, perIp: 50 },
  'code-send': { perAccount: 5, perIp: 50 },
} as const
export type ThrottleScope = keyof typeof THROTTLE_SCOPES

export type ThrottleSubject = { userId?: string | null; ip?: string | null }

function keysFor(scope: ThrottleScope, subject: ThrottleSubject) {
  const limits = THROTTLE_SCOPES[scope]
  const keys: { key: string; limit: number }[] = []
  if (subject.userId) keys.push({ key: `${scope}:user:${subject.userId}`, limit: limits.perAccount })
  if (subject.ip) keys.push({ key: `${scope}:ip:${subject.ip}`, limit: limits.perIp })
  return keys
}

/** Thrown when a guarded action must wait; routes answer 429 with Retry-After. */
export class Throttled extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts. Try again in ${formatWait(retryAfterSeconds)}.`)
  }
}

export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} minute${minutes === 1 ? '' : 's'}`
}

/** Throws Throttled while the account or the IP is in its back-off. */
export async function assertNotThrottled(scope: ThrottleScope, subject: ThrottleSubject, now = new Date()): Promise<void> {
  const rows = await findThrottles(keysFor(scope, subject).map((k) => k.key))
  const wait = Math.max(0, ...rows.map((row) => retryAfterSeconds(row, now)))
  if (wait > 0) throw new Throttled(wait)
}

/**
 * Counts one failure (or one use, for code sending) against the account and the IP.
 * True when this attempt started a back-off (worth a security event).
 */
export async function recordThrottledAttempt(scope: ThrottleScope, subject: ThrottleSubject, now = new Date()): Promise<boolean> {
  let lockStarted = false
  for (const { key, limit } of keysFor(scope, subject)) {
    const { before, after } = await updateThrottle(key, (row) => nextThrottleState(row, limit, now))
    if (after.lockedUntil && retryAfterSeconds(before, now) === 0) lockStarted = true
  }
  return lockStarted
}

/** A success forgets the account's failures; the IP's stay, so one good account cannot reset a spray. */
export async function clearThrottle(scope: ThrottleScope, userId: string): Promise<void> {
  await deleteThrottles([`${scope}:user:${userId}`])
}

/** Every code sent counts against the account and the IP; throws Throttled while they must wait. */
export async function countCodeSend(subject: ThrottleSubject, now = new Date()): Promise<void> {
  await assertNotThrottled('code-send', subject, now)
  await recordThrottledAttempt('code-send', subject, now)
}

export function tooManyAttemptsHeaders(error: Throttled): HeadersInit {
  return { 'Retry-After': String(error.retryAfterSeconds) }
}
