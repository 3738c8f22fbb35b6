import { and, eq, lt, ne, or } from 'drizzle-orm'
import { getDb } from './db.server'
import { sessions, users } from './schema'

export type SessionRow = typeof sessions.$inferSelect

export async function insertSession(row: SessionRow): Promise<void> {
  getDb().insert(sessions).values(row).run()
}

export async function findSessionWithUser(id: string) {
  return getDb()
    .select({
      session: sessions,
      user: { id: users.id, email: users.email, name: users.name, role: users.role, blockedAt: users.blockedAt },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .get()
}

export async function touchSession(id: string, lastSeenAt: Date): Promise<void> {
  getDb().update(sessions).set({ lastSeenAt }).where(eq(sessions.id, id)).run()
}

export async function deleteSession(id: string): Promise<void> {
  getDb().delete(sessions).where(eq(sessions.id, id)).run()
}

export async function deleteUserSessions(userId: string, exceptSessionId?: string): Promise<void> {
  const condition = exceptSessionId
    ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId))
    : eq(sessions.userId, userId)
  getDb().delete(sessions).where(condition).run()
}

/** Removes sessions past their absolute expiry or idle limit. */
export async function deleteExpiredSessions(now: Date, idleSince: Date): Promise<number> {
  return getDb()
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleSince)))
    .run().changes
}
