import { and, desc, eq } from 'drizzle-orm'
import { getDb } from './db.server'
import { emailChanges, users } from './schema'

export type EmailChangeRow = typeof emailChanges.$inferSelect & { adminName: string | null }

/** An account's address history, newest first, with the name of the admin behind each restore. */
export async function listEmailChangesOf(userId: string): Promise<EmailChangeRow[]> {
  return getDb()
    .select({ change: emailChanges, adminName: users.name })
    .from(emailChanges)
    .leftJoin(users, eq(users.id, emailChanges.adminId))
    .where(eq(emailChanges.userId, userId))
    .orderBy(desc(emailChanges.createdAt), desc(emailChanges.id))
    .all()
    .map(({ change, adminName }) => ({ ...change, adminName }))
}

/** One change of that account's address (none when the id belongs to another account). */
export async function findEmailChangeOf(userId: string, changeId: string) {
  return getDb()
    .select()
    .from(emailChanges)
    .where(and(eq(emailChanges.id, changeId), eq(emailChanges.userId, userId)))
    .get()
}
