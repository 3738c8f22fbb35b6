import { MINUTE_MS } from '~/domain/durations'
/**
 * Back-off after repeated failures: the first `limit` failures in a row are free; reaching the
 * limit locks for a minute, and every further failure doubles it, up to 15 minutes. A quiet
 * quarter of an hour forgets the count, so the real user is slowed, never locked out for good.
 */
export type ThrottleState = {
  failures: number
  lastFailureAt: Date
  lockedUntil: Date | null
  /** Quotas only: when the window being counted began. */
  windowStartedAt: Date | null
}

const FIRST_LOCK_MS = MINUTE_MS
const MAX_LOCK_MS = 15 * MINUTE_MS
const FORGET_AFTER_MS = 15 * MINUTE_MS

function lockMsAfter(failures: number, limit: number): number {
  if (failures < limit) return 0
  return Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - limit))
}

export function nextThrottleState(previous: ThrottleState | undefined, limit: number, now: Date): ThrottleState {
  const forgotten =
    !previous ||
    now.getTime() - previous.lastFailureAt.getTime() > FORGET_AFTER_MS + lockMsAfter(previous.failures, limit)
  const failures = forgotten ? 1 : previous.failures + 1
  const lockMs = lockMsAfter(failures, limit)
  return {
    failures,
    lastFailureAt: now,
    lockedUntil: lockMs ? new Date(now.getTime() + lockMs) : null,
    windowStartedAt: null,
  }
}

/**
 * One failure given back: an attempt counted before its slow check (throttle.server takeAttempt)
 * that turned out right. Below the limit again, the lock that attempt may have started goes too.
 */
export function withFailureReturned(state: ThrottleState, limit: number): ThrottleState {
  const failures = Math.max(0, state.failures - 1)
  return { ...state, failures, lockedUntil: failures >= limit ? state.lockedUntil : null }
}

/**
 * A quota rather than a back-off: `limit` uses in a window of `windowMs` that starts at the first
 * use; the last of them closes the quota until the window ends, and the next use after it starts a
 * new window. So steady use below the rate never adds up (a busy week of messages does not count
 * towards a day's quota), and a burst is held to `limit` per window (two windows back to back may
 * hold up to twice that in a stretch of `windowMs` across their boundary).
 */
export function nextQuotaState(
  previous: ThrottleState | undefined,
  limit: number,
  windowMs: number,
  now: Date,
): ThrottleState {
  // Rows counted before windows were stored count from their last use.
  const startedAt = previous ? (previous.windowStartedAt ?? previous.lastFailureAt) : undefined
  const fresh = !startedAt || now.getTime() - startedAt.getTime() >= windowMs
  const windowStartedAt = fresh ? now : startedAt
  const uses = fresh || !previous ? 1 : previous.failures + 1
  return {
    failures: uses,
    lastFailureAt: now,
    lockedUntil: uses >= limit ? new Date(windowStartedAt.getTime() + windowMs) : null,
    windowStartedAt,
  }
}

/** Seconds until the lock ends (rounded up), or 0 when not locked. */
export function retryAfterSeconds(state: ThrottleState | undefined, now: Date): number {
  if (!state?.lockedUntil) return 0
  return Math.max(0, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000))
}
