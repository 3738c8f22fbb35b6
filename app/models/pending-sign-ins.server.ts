import { and, eq, gt } from 'drizzle-orm'
import { getDb } from './db.server'
import { pendingSignIns } from './schema'
import { deleteRows, findRow } from './query-helpers.server'

export type PendingSignIn = typeof pendingSignIns.$inferSelect

export async function insertPendingSignIn(row: PendingSignIn): Promise<void> {
  getDb().insert(pendingSignIns).values(row).run()
}

export async function findLivePendingSignIn(id: string, now: Date): Promise<PendingSignIn | undefined> {
  return findRow(pendingSignIns, and(eq(pendingSignIns.id, id), gt(pendingSignIns.expiresAt, now)))
}

/** Removes it; false when another request finished this sign-in first. */
export async function takePendingSignIn(id: string): Promise<boolean> {
  return deleteRows(pendingSignIns, eq(pendingSignIns.id, id))
}
