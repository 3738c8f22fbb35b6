import { and, eq, gt, lt } from 'drizzle-orm'
import { countCodeAttempt } from './code-rows.server'
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

export async function countPendingSignUpAttempt(id: string): Promise<void> {
  return countCodeAttempt(pendingSignUps, id)
}

export async function deletePendingSignUp(id: string): Promise<boolean> {
  return deleteRows(pendingSignUps, eq(pendingSignUps.id, id))
}
