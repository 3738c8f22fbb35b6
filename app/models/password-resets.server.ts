import { eq } from 'drizzle-orm'
import { consumeCode, findNewestUnusedCode, giveBackCodeTry, replaceCode, takeCodeTry } from './code-rows.server'
import { passwordResets } from './schema'

export type PasswordReset = typeof passwordResets.$inferSelect

/** Stores a new code and voids any earlier unused ones for the same user. */
export async function replacePasswordReset(row: Omit<PasswordReset, 'attempts' | 'usedAt'>): Promise<void> {
  replaceCode(passwordResets, eq(passwordResets.userId, row.userId), row)
}

export async function findActivePasswordReset(userId: string): Promise<PasswordReset | undefined> {
  return findNewestUnusedCode(passwordResets, eq(passwordResets.userId, userId))
}

/** Takes one of the code's tries; false when all `maxTries` are used. */
export async function takePasswordResetTry(id: string, maxTries: number): Promise<boolean> {
  return takeCodeTry(passwordResets, id, maxTries)
}

/** The try back, for someone who typed the right code with a password the rules refuse. */
export async function giveBackPasswordResetTry(id: string): Promise<void> {
  return giveBackCodeTry(passwordResets, id)
}

/** Marks the code used; false when another request used it first. */
export async function consumePasswordReset(id: string, usedAt: Date): Promise<boolean> {
  return consumeCode(passwordResets, id, usedAt)
}
