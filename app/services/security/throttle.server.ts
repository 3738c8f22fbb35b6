import { deleteThrottles, findThrottles, updateThrottle, updateThrottlesTogether } from '~/models/auth-throttles.server'
import { DomainError } from '~/services/domain-errors'
import { keyedHash } from '~/utils/keyed-hash.server'
import { throttleNetworkOf } from './ip-ranges'
import { nextQuotaState, nextThrottleState, retryAfterSeconds, withFailureReturned } from './throttle-policy'
import { DAY_MS, HOUR_MS, MINUTE_MS } from '~/domain/durations'

type ScopeLimits = { perAccount: number; perIp?: number; quotaWindowMs?: number }

/**
 * What is being guarded, and how many failures in a row each key may have before the back-off.
 * Scopes with `quotaWindowMs` count uses instead: that many per window, then none until it ends.
 */
const THROTTLE_SCOPES = {
  'sign-in': { perAccount: 5, perIp: 50 },
  'second-factor': { perAccount: 5, perIp: 50 },
  'code-send': { perAccount: 5, perIp: 50 },
  // Emails anyone may ask us to send to an address they type: capped per address so nobody can
  // flood an inbox. Sign-up has no per-IP quota here; the server's auth-path limit covers it.
  'reset-email': { perAccount: 3, perIp: 10, quotaWindowMs: HOUR_MS },
  'sign-up-email': { perAccount: 3, quotaWindowMs: HOUR_MS },
  // Codes to a new address for an account's email change: whoever is signed in chooses the address.
  'email-change-email': { perAccount: 3, quotaWindowMs: HOUR_MS },
  // The public contact form stores a question and emails every admin: 5 an hour from one address
  // (or account), 20 from one network.
  'contact-form': { perAccount: 5, perIp: 20, quotaWindowMs: HOUR_MS },
  // What one account writes that reaches other people (ACCOUNT_QUOTAS below), whatever network it
  // comes from. Far above a busy honest day — a lively chat is a message every minute or two, a
  // freelancer hunting work sends a handful of proposals, and a project page recommends 10
  // freelancers to invite — and far below a flood of other people's inboxes and of Find work.
  'messages-10-minutes': { perAccount: 60, quotaWindowMs: 10 * MINUTE_MS },
  'messages-day': { perAccount: 500, quotaWindowMs: DAY_MS },
  'projects-day': { perAccount: 10, quotaWindowMs: DAY_MS },
  'proposals-day': { perAccount: 40, quotaWindowMs: DAY_MS },
  'invitations-day': { perAccount: 50, quotaWindowMs: DAY_MS },
  // Booking, moving or cancelling a meeting emails both people a calendar file: a busy client books
  // a few a day; a loop of bookings and cancellations would fill the other side's inbox.
  'meetings-day': { perAccount: 30, quotaWindowMs: DAY_MS },
  // Every saved edit of a proposal tells its client, by email too: anyone could send a proposal to
  // any open project and then save it again and again.
  'proposal-edits-day': { perAccount: 50, quotaWindowMs: DAY_MS },
  // A client's milestones added and weekly limits set each tell the freelancer, by email too.
  'contract-changes-day': { perAccount: 100, quotaWindowMs: DAY_MS },
} as const satisfies Record<string, ScopeLimits>
export type ThrottleScope = keyof typeof THROTTLE_SCOPES
type QuotaScope = {
  [Scope in ThrottleScope]: (typeof THROTTLE_SCOPES)[Scope] extends { quotaWindowMs: number } ? Scope : never
}[ThrottleScope]
type BackOffScope = Exclude<ThrottleScope, QuotaScope>

/** The writes each account is held to (admins never are), their quotas above, and a refusal's words. */
const ACCOUNT_QUOTAS = {
  message: { scopes: ['messages-10-minutes', 'messages-day'], things: 'messages', done: 'sent', verb: 'send' },
  project: { scopes: ['projects-day'], things: 'projects', done: 'posted', verb: 'post' },
  proposal: { scopes: ['proposals-day'], things: 'proposals', done: 'sent', verb: 'send' },
  invitation: { scopes: ['invitations-day'], things: 'invitations', done: 'sent', verb: 'send' },
  'proposal-edit': {
    scopes: ['proposal-edits-day'],
    things: 'changes to proposals',
    done: 'saved',
    verb: 'edit proposals',
  },
  'contract-change': {
    scopes: ['contract-changes-day'],
    things: 'changes to contracts (milestones added, weekly limits set)',
    done: 'made',
    verb: 'change contracts',
  },
  meeting: {
    scopes: ['meetings-day'],
    things: 'meeting invitations and changes',
    done: 'sent',
    verb: 'book, move or cancel meetings',
  },
} as const satisfies Record<string, { scopes: readonly QuotaScope[]; things: string; done: string; verb: string }>
export type AccountQuota = keyof typeof ACCOUNT_QUOTAS

/** Who is counted: the account (by id, or by the email typed when it may not exist) and the IP. */
export type ThrottleSubject = { userId?: string | null; email?: string | null; ip?: string | null }

/** An IP's key: an IPv6 address counts as its /64 (ip-ranges.ts throttleNetworkOf). */
const ipKey = (scope: ThrottleScope, ip: string) => `${scope}:ip:${throttleNetworkOf(ip)}`

function keysFor(scope: ThrottleScope, subject: ThrottleSubject) {
  const limits: ScopeLimits = THROTTLE_SCOPES[scope]
  const keys: { key: string; limit: number }[] = []
  if (subject.userId) keys.push({ key: `${scope}:user:${subject.userId}`, limit: limits.perAccount })
  // Hashed: the address typed may belong to nobody, and the table need not collect them.
  if (subject.email)
    keys.push({ key: `${scope}:email:${keyedHash(subject.email.trim().toLowerCase())}`, limit: limits.perAccount })
  if (subject.ip && limits.perIp) keys.push({ key: ipKey(scope, subject.ip), limit: limits.perIp })
  return keys
}

/** Thrown when a guarded action must wait; routes answer 429 with Retry-After (app/http/too-many-attempts). */
export class Throttled extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    message = `Too many attempts. Try again in ${formatWait(retryAfterSeconds)}.`,
  ) {
    super('throttled', message)
  }
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`

/** "45 seconds", "7 minutes", "1 hour", "5 hours and 12 minutes" (rounded up to the minute past one). */
function formatWait(seconds: number): string {
  if (seconds < 60) return plural(seconds, 'second')
  const minutes = Math.ceil(seconds / 60)
  if (minutes < 60) return plural(minutes, 'minute')
  const hours = Math.floor(minutes / 60)
  return minutes % 60 ? `${plural(hours, 'hour')} and ${plural(minutes % 60, 'minute')}` : plural(hours, 'hour')
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
 * Counts one failure against the account and the IP.
 * True when this attempt started a back-off (worth a security event).
 */
export async function recordThrottledAttempt(
  scope: BackOffScope,
  subject: ThrottleSubject,
  now = new Date(),
): Promise<boolean> {
  let lockStarted = false
  for (const { key, limit } of keysFor(scope, subject)) {
    const { before, after } = await updateThrottle(key, (row) => nextThrottleState(row, limit, now))
    if (after.lockedUntil && retryAfterSeconds(before, now) === 0) lockStarted = true
  }
  return lockStarted
}

/**
 * Takes one attempt at a slow check (a password's hash, a backup code) before it runs: Throttled
 * while the back-off applies, otherwise counted at once as a failure of the account and the IP, in
 * one transaction. Counted only after the check, attempts sent together all passed the back-off
 * before any of them was counted: fifteen wrong passwords sent at once were all tried, where five
 * in a row are allowed. A right answer gives the attempt back (passAttempt).
 * `lockStarted`: this attempt started a back-off (worth a security event).
 */
export async function takeAttempt(
  scope: BackOffScope,
  subject: ThrottleSubject,
  now = new Date(),
): Promise<{ lockStarted: boolean }> {
  const keys = keysFor(scope, subject)
  let wait = 0
  let lockStarted = false
  await updateThrottlesTogether(
    keys.map((k) => k.key),
    (rows) => {
      wait = Math.max(0, ...rows.map((row) => retryAfterSeconds(row, now)))
      if (wait > 0) return null
      const next = rows.map((row, i) => nextThrottleState(row, keys[i]!.limit, now))
      lockStarted = next.some((state) => state.lockedUntil !== null)
      return next
    },
  )
  if (wait > 0) throw new Throttled(wait)
  return { lockStarted }
}

/**
 * The attempt taken by takeAttempt was right: the account's failures are forgotten, and the IP gets
 * its attempt back (its other failures stay, so one good account cannot reset a spray).
 */
export async function passAttempt(scope: BackOffScope, subject: ThrottleSubject): Promise<void> {
  if (subject.userId) await clearThrottle(scope, subject.userId)
  const limit = THROTTLE_SCOPES[scope].perIp
  if (!subject.ip || !limit) return
  await updateThrottlesTogether([ipKey(scope, subject.ip)], ([row]) => (row ? [withFailureReturned(row, limit)] : null))
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
 * Takes one use of every scope's quota (each over the subject's keys), all in one transaction. Past
 * any of them nothing is counted, and the answer is the scope that holds longest and its wait.
 */
async function spendQuotas(
  scopes: readonly QuotaScope[],
  subject: ThrottleSubject,
  now: Date,
): Promise<{ scope: QuotaScope; wait: number } | null> {
  const keys = scopes.flatMap((scope) => keysFor(scope, subject).map((key) => ({ ...key, scope })))
  let refusal: { scope: QuotaScope; wait: number } | null = null
  await updateThrottlesTogether(
    keys.map((k) => k.key),
    (rows) => {
      rows.forEach((row, i) => {
        const wait = retryAfterSeconds(row, now)
        if (wait > (refusal?.wait ?? 0)) refusal = { scope: keys[i]!.scope, wait }
      })
      if (refusal) return null
      return rows.map((row, i) =>
        nextQuotaState(row, keys[i]!.limit, THROTTLE_SCOPES[keys[i]!.scope].quotaWindowMs, now),
      )
    },
  )
  return refusal
}

/**
 * Takes one use from a quota scope. False (and nothing counted) once the account or the IP has used
 * it up, so the caller can quietly skip the email and answer exactly as it would have.
 */
export async function takeQuota(scope: QuotaScope, subject: ThrottleSubject, now = new Date()): Promise<boolean> {
  return !(await spendQuotas([scope], subject, now))
}

/** Takes one use from a quota scope; past it, Throttled (429 with Retry-After) and nothing counted. */
export async function requireQuota(scope: QuotaScope, subject: ThrottleSubject, now = new Date()): Promise<void> {
  const refusal = await spendQuotas([scope], subject, now)
  if (refusal) throw new Throttled(refusal.wait)
}

/**
 * Takes one of the account's uses of `kind` (a message, a project, a proposal or an edit of one, an
 * invitation, a meeting booked, moved or cancelled, a milestone added or a weekly limit set) before
 * anything of it is written. Past a quota: Throttled, saying how many were used in how long and when
 * the next is possible, and nothing counted. Admins are never held to these quotas.
 */
export async function takeAccountQuota(
  kind: AccountQuota,
  account: { id: string; role: string },
  now = new Date(),
): Promise<void> {
  if (account.role === 'admin') return
  const quota = ACCOUNT_QUOTAS[kind]
  const refusal = await spendQuotas(quota.scopes, { userId: account.id }, now)
  if (!refusal) return
  const { perAccount, quotaWindowMs } = THROTTLE_SCOPES[refusal.scope]
  throw new Throttled(
    refusal.wait,
    `You have ${quota.done} ${perAccount} ${quota.things} within ${formatWait(quotaWindowMs / 1000)}, the most one account ` +
      `may. You can ${quota.verb} again in ${formatWait(refusal.wait)}.`,
  )
}
