import { and, desc, eq, isNull } from 'drizzle-orm'
import { consumeCode, countCodeAttempt } from './code-rows.server'
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
  return countCodeAttempt(passwordResets, id)
}

/** Marks the code used; false when another request used it first. */
export async function consumePasswordReset(id: string, usedAt: Date): Promise<boolean> {
  return consumeCode(passwordResets, id, usedAt)
}
