import { and, desc, eq, gt, gte, ne } from 'drizzle-orm'
import { getDb } from './db.server'
import { preparedStatement } from './prepared-query.server'
import { deleteOwnedRow } from './owned-rows.server'
import { sessions, type users } from './schema'
import { findRow, listRows } from './query-helpers.server'

export type SessionRow = typeof sessions.$inferSelect

export async function insertSession(row: typeof sessions.$inferInsert): Promise<void> {
  getDb().insert(sessions).values(row).run()
}

type SessionWithUserRow = {
  createdAt: number
  expiresAt: number
  lastSeenAt: number
  secondFactorAt: number | null
  passwordConfirmedAt: number | null
  startedAtSignUp: number
  id: string
  email: string
  name: string
  role: (typeof users.$inferSelect)['role']
  blockedAt: number | null
  blockedReason: string | null
  displayCurrency: string | null
  hasAllowlist: number
}

/**
 * Read on every signed-in request: one plain statement prepared once, its row mapped here. Through
 * drizzle's prepared select, mapping the nested row cost more than the statement itself (about 20 µs
 * against 10 in bench/portal-cost.ts's profile). Whether the account limits the networks it may be
 * used from comes in the same query: most have no allowlist, and their requests then read nothing more.
 */
const sessionWithUser = preparedStatement<SessionWithUserRow>(`
  select s.created_at as createdAt, s.expires_at as expiresAt, s.last_seen_at as lastSeenAt,
    s.second_factor_at as secondFactorAt, s.password_confirmed_at as passwordConfirmedAt,
    s.started_at_sign_up as startedAtSignUp,
    u.id, u.email, u.name, u.role, u.blocked_at as blockedAt, u.blocked_reason as blockedReason,
    u.display_currency as displayCurrency,
    exists (select 1 from ip_allowlist a where a.user_id = u.id) as hasAllowlist
  from sessions s join users u on u.id = s.user_id
  where s.id = @id`)

const dateOrNull = (ms: number | null) => (ms === null ? null : new Date(ms))

/** The session's times and confirmations (not its device, address or user agent) and its user. */
export async function findSessionWithUser(id: string) {
  const row = sessionWithUser().get({ id })
  if (!row) return undefined
  return {
    session: {
      createdAt: new Date(row.createdAt),
      expiresAt: new Date(row.expiresAt),
      lastSeenAt: new Date(row.lastSeenAt),
      secondFactorAt: dateOrNull(row.secondFactorAt),
      passwordConfirmedAt: dateOrNull(row.passwordConfirmedAt),
      startedAtSignUp: row.startedAtSignUp === 1,
    },
    user: {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      blockedAt: dateOrNull(row.blockedAt),
      blockedReason: row.blockedReason,
      // The member's own money pages read it on most requests: fetched here, it costs no query of its own.
      displayCurrency: row.displayCurrency,
    },
    hasAllowlist: row.hasAllowlist === 1,
  }
}

export async function touchSession(id: string, lastSeenAt: Date): Promise<void> {
  getDb().update(sessions).set({ lastSeenAt }).where(eq(sessions.id, id)).run()
}

/** Returns whose session it was, or undefined when it was already gone. */
export async function deleteSession(id: string): Promise<string | undefined> {
  return getDb().delete(sessions).where(eq(sessions.id, id)).returning({ userId: sessions.userId }).get()?.userId
}

/**
 * Ends every session of the user now by expiring it, keeping the rows: a browser that comes back
 * with one is known as this user's and told why it was signed out (a block). Returns how many ended.
 */
export async function expireUserSessions(userId: string, now: Date): Promise<number> {
  return getDb()
    .update(sessions)
    .set({ expiresAt: now })
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .run().changes
}

/** Returns how many sessions ended. */
export async function deleteUserSessions(userId: string, exceptSessionId?: string): Promise<number> {
  const condition = exceptSessionId
    ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId))
    : eq(sessions.userId, userId)
  return getDb().delete(sessions).where(condition).run().changes
}

/** A user's sessions that have not expired yet, most recently used first. */
export async function listActiveSessionsOf(userId: string, now: Date, idleSince: Date): Promise<SessionRow[]> {
  return listRows(
    sessions,
    and(eq(sessions.userId, userId), gte(sessions.expiresAt, now), gte(sessions.lastSeenAt, idleSince)),
    desc(sessions.lastSeenAt),
  )
}

export async function findSessionOf(userId: string, sessionId: string): Promise<SessionRow | undefined> {
  return findRow(sessions, and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
}

/** Ends one of the user's sessions; false when it is not theirs or already gone. */
export async function deleteSessionOf(userId: string, sessionId: string): Promise<boolean> {
  return deleteOwnedRow(sessions, sessions.userId, userId, sessions.id, sessionId)
}

/** Records that this session just passed a second factor (for the 10-minute step-up rule). */
export async function markSessionSecondFactor(id: string, at: Date): Promise<void> {
  getDb().update(sessions).set({ secondFactorAt: at }).where(eq(sessions.id, id)).run()
}

/** Records that this session just re-entered the password (before a first second factor is added). */
export async function markSessionPasswordConfirmed(id: string, at: Date): Promise<void> {
  getDb().update(sessions).set({ passwordConfirmedAt: at }).where(eq(sessions.id, id)).run()
}
