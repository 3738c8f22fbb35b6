import { and, eq, gt } from 'drizzle-orm'
import { getDb } from './db.server'
import { pendingSignIns } from './schema'

export type PendingSignIn = typeof pendingSignIns.$inferSelect

export async function insertPendingSignIn(row: PendingSignIn): Promise<void> {
  getDb().insert(pendingSignIns).values(row).run()
}

export async function findLivePendingSignIn(id: string, now: Date): Promise<PendingSignIn | undefined> {
  return getDb()
    .select()
    .from(pendingSignIns)
    .where(and(eq(pendingSignIns.id, id), gt(pendingSignIns.expiresAt, now)))
    .get()
}

/** Removes it; false when another request finished this sign-in first. */
export async function takePendingSignIn(id: string): Promise<boolean> {
  return getDb().delete(pendingSignIns).where(eq(pendingSignIns.id, id)).run().changes > 0
}
