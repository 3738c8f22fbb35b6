import { and, eq, gt, lt } from 'drizzle-orm'
import { takeCodeTry } from './code-rows.server'
import { getDb } from './db.server'
import { pendingSignUps } from './schema'
import { deleteRows, findRow } from './query-helpers.server'

export type PendingSignUp = typeof pendingSignUps.$inferSelect

export async function insertPendingSignUp(row: Omit<PendingSignUp, 'attempts'>): Promise<void> {
  const db = getDb()
  db.delete(pendingSignUps).where(lt(pendingSignUps.expiresAt, row.createdAt)).run()
  db.insert(pendingSignUps).values(row).run()
}

export async function findLivePendingSignUp(id: string, now: Date): Promise<PendingSignUp | undefined> {
  return findRow(pendingSignUps, and(eq(pendingSignUps.id, id), gt(pendingSignUps.expiresAt, now)))
}

/** Takes one of the sign-up code's tries; false when all `maxTries` are used. */
export async function takePendingSignUpTry(id: string, maxTries: number): Promise<boolean> {
  return takeCodeTry(pendingSignUps, id, maxTries)
}

export async function deletePendingSignUp(id: string): Promise<boolean> {
  return deleteRows(pendingSignUps, eq(pendingSignUps.id, id))
}
