import { deleteThrottles, findThrottles, updateThrottle } from '~/models/auth-throttles.server'
import { DomainError } from '~/services/domain-errors'
import { keyedHash } from '~/utils/keyed-hash.server'
import { nextQuotaState, nextThrottleState, retryAfterSeconds, type ThrottleState } from './throttle-policy'
import { HOUR_MS } from '~/domain/durations'

type ScopeLimits = { perAccount: number; perIp?: number; quotaWindowMs?: number }

/**
 * What is being guarded, and how many failures in a row each key may have before the back-off.
 * Scopes with `quotaWindowMs` count uses instead: that many per window, then none until it passes.
 */
const THROTTLE_SCOPES = {
  'sign-in': { perAccount: 5, perIp: 50 },
  'second-factor': { perAccount: 5, perIp: 50 },
  'code-send': { perAccount: 5, perIp: 50 },
  // Emails anyone may ask us to send to an address they type: capped per address so nobody can
  // flood an inbox. Sign-up has no per-IP quota here; the server's auth-path limit covers it.
  'reset-email': { perAccount: 3, perIp: 10, quotaWindowMs: HOUR_MS },
  'sign-up-email': { perAccount: 3, quotaWindowMs: HOUR_MS },
  // The public contact form stores a question and emails every admin: 5 an hour from one address
  // (or account), 20 from one network.
  'contact-form': { perAccount: 5, perIp: 20, quotaWindowMs: HOUR_MS },
} as const satisfies Record<string, ScopeLimits>
export type ThrottleScope = keyof typeof THROTTLE_SCOPES

/** Who is counted: the account (by id, or by the email typed when it may not exist) and the IP. */
export type ThrottleSubject = { userId?: string | null; email?: string | null; ip?: string | null }

function keysFor(scope: ThrottleScope, subject: ThrottleSubject) {
  const limits: ScopeLimits = THROTTLE_SCOPES[scope]
  const keys: { key: string; limit: number }[] = []
  if (subject.userId) keys.push({ key: `${scope}:user:${subject.userId}`, limit: limits.perAccount })
  // Hashed: the address typed may belong to nobody, and the table need not collect them.
  if (subject.email)
    keys.push({ key: `${scope}:email:${keyedHash(subject.email.trim().toLowerCase())}`, limit: limits.perAccount })
  if (subject.ip && limits.perIp) keys.push({ key: `${scope}:ip:${subject.ip}`, limit: limits.perIp })
  return keys
}

function nextState(scope: ThrottleScope, limit: number, now: Date): (row: ThrottleState | undefined) => ThrottleState {
  const windowMs = (THROTTLE_SCOPES[scope] as ScopeLimits).quotaWindowMs
  return windowMs ? (row) => nextQuotaState(row, limit, windowMs, now) : (row) => nextThrottleState(row, limit, now)
}

/** Thrown when a guarded action must wait; routes answer 429 with Retry-After (app/http/too-many-attempts). */
export class Throttled extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('throttled', `Too many attempts. Try again in ${formatWait(retryAfterSeconds)}.`)
  }
}

function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} minute${minutes === 1 ? '' : 's'}`
}

/** Throws Throttled while the account or the IP is in its back-off. */
export async function assertNotThrottled(
  scope: ThrottleScope,
  subject: ThrottleSubject,
  now = new Date(),
): Promise<void> {
  const rows = await findThrottles(keysFor(scope, subject).map((k) => k.key))
  const wait = Math.max(0, ...rows.map((row) => retryAfterSeconds(row, now)))
  if (wait > 0) throw new Throttled(wait)
}

/**
 * Counts one failure (or one use, for code sending) against the account and the IP.
 * True when this attempt started a back-off (worth a security event).
 */
export async function recordThrottledAttempt(
  scope: ThrottleScope,
  subject: ThrottleSubject,
  now = new Date(),
): Promise<boolean> {
  let lockStarted = false
  for (const { key, limit } of keysFor(scope, subject)) {
    const { before, after } = await updateThrottle(key, nextState(scope, limit, now))
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

/**
 * Takes one use from a quota scope. False (and nothing counted) once the account or the IP has used
 * it up, so the caller can quietly skip the email and answer exactly as it would have.
 */
export async function takeQuota(scope: ThrottleScope, subject: ThrottleSubject, now = new Date()): Promise<boolean> {
  try {
    await assertNotThrottled(scope, subject, now)
  } catch (error) {
    if (error instanceof Throttled) return false
    throw error
  }
  await recordThrottledAttempt(scope, subject, now)
  return true
}
