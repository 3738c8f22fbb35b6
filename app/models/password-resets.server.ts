import { eq } from 'drizzle-orm'
import { consumeCode, countCodeAttempt, findNewestUnusedCode, replaceCode } from './code-rows.server'
import { passwordResets } from './schema'

export type PasswordReset = typeof passwordResets.$inferSelect

/** Stores a new code and voids any earlier unused ones for the same user. */
export async function replacePasswordReset(row: Omit<PasswordReset, 'attempts' | 'usedAt'>): Promise<void> {
  replaceCode(passwordResets, eq(passwordResets.userId, row.userId), row)
}

export async function findActivePasswordReset(userId: string): Promise<PasswordReset | undefined> {
  return findNewestUnusedCode(passwordResets, eq(passwordResets.userId, userId))
}

export async function recordPasswordResetAttempt(id: string): Promise<void> {
  return countCodeAttempt(passwordResets, id)
}

/** Marks the code used; false when another request used it first. */
export async function consumePasswordReset(id: string, usedAt: Date): Promise<boolean> {
  return consumeCode(passwordResets, id, usedAt)
}
