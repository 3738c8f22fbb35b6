import { MINUTE_MS, WEEK_MS } from '~/domain/durations'
/** The cookie that carries a session's token. */
export const SESSION_COOKIE = '__session'

/** How long a session lives: the rules in one place, free of I/O so they are easy to test. */
export const IDLE_TIMEOUT_MS = 30 * MINUTE_MS
export const ABSOLUTE_TIMEOUT_MS = WEEK_MS
/** lastSeenAt is written at most this often, so reads do not all become writes. */
const TOUCH_INTERVAL_MS = MINUTE_MS

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; expiresAt: Date }

export function newSessionTimes(now: Date): SessionTimes {
  return { createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS) }
}

export function sessionState(times: SessionTimes, now: Date): 'active' | 'idle-expired' | 'expired' {
  if (now.getTime() >= times.expiresAt.getTime()) return 'expired'
  if (now.getTime() - times.lastSeenAt.getTime() >= IDLE_TIMEOUT_MS) return 'idle-expired'
  return 'active'
}

export function shouldTouch(times: SessionTimes, now: Date): boolean {
  return now.getTime() - times.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS
}
