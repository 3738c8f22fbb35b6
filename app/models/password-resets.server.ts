import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import { getDb } from './db.server'
import { passwordResets } from './schema'

export type PasswordReset = typeof passwordResets.$inferSelect

/** Stores a new code and voids any earlier unused ones for the same user. */
export async function replacePasswordReset(row: Omit<PasswordReset, 'attempts' | 'usedAt'>): Promise<void> {
  const db = getDb()
  db.transaction((tx) => {
    tx.delete(passwordResets)
      .where(and(eq(passwordResets.userId, row.userId), isNull(passwordResets.usedAt)))
      .run()
    tx.insert(passwordResets).values(row).run()
  })
}

export async function findActivePasswordReset(userId: string): Promise<PasswordReset | undefined> {
  return getDb()
    .select()
    .from(passwordResets)
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)))
    .orderBy(desc(passwordResets.createdAt))
    .get()
}

export async function recordPasswordResetAttempt(id: string): Promise<void> {
  getDb()
    .update(passwordResets)
    .set({ attempts: sql`${passwordResets.attempts} + 1` })
    .where(eq(passwordResets.id, id))
    .run()
}

/** Marks the code used; false when another request used it first. */
export async function consumePasswordReset(id: string, usedAt: Date): Promise<boolean> {
  const result = getDb()
    .update(passwordResets)
    .set({ usedAt })
    .where(and(eq(passwordResets.id, id), isNull(passwordResets.usedAt)))
    .run()
  return result.changes === 1
}
