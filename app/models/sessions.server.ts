import { and, desc, eq, gte, ne, sql } from 'drizzle-orm'
import { getDb } from './db.server'
import { preparedQuery } from './prepared-query.server'
import { deleteOwnedRow } from './owned-rows.server'
import { ipAllowlist, sessions, users } from './schema'
import { findRow, listRows } from './query-helpers.server'

export type SessionRow = typeof sessions.$inferSelect

export async function insertSession(row: typeof sessions.$inferInsert): Promise<void> {
  getDb().insert(sessions).values(row).run()
}

/** Read on every signed-in request: prepared once. */
const sessionWithUser = preparedQuery((db) =>
  db
    .select({
      // What the check needs: its times and its confirmations (not the device, address or user agent).
      session: {
        createdAt: sessions.createdAt,
        expiresAt: sessions.expiresAt,
        lastSeenAt: sessions.lastSeenAt,
        secondFactorAt: sessions.secondFactorAt,
        passwordConfirmedAt: sessions.passwordConfirmedAt,
        startedAtSignUp: sessions.startedAtSignUp,
      },
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        blockedAt: users.blockedAt,
        // The member's own money pages read it on most requests: fetched here, it costs no query of its own.
        displayCurrency: users.displayCurrency,
      },
      // Whether the account limits the networks it may be used from, in the same query: most have no
      // allowlist, and their requests then read nothing more.
      hasAllowlist:
        sql<boolean>`exists (select 1 from ${ipAllowlist} where ${ipAllowlist.userId} = ${users.id})`.mapWith(Boolean),
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare(),
)

export async function findSessionWithUser(id: string) {
  return sessionWithUser().get({ id })
}

export async function touchSession(id: string, lastSeenAt: Date): Promise<void> {
  getDb().update(sessions).set({ lastSeenAt }).where(eq(sessions.id, id)).run()
}

/** Returns whose session it was, or undefined when it was already gone. */
export async function deleteSession(id: string): Promise<string | undefined> {
  return getDb().delete(sessions).where(eq(sessions.id, id)).returning({ userId: sessions.userId }).get()?.userId
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
