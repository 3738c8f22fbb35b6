import { and, count, eq, isNull, max, sql } from 'drizzle-orm'
import { getDb } from './db.server'
import { preparedQuery } from './prepared-query.server'
import { backupCodes } from './schema'
import { updateRows } from './query-helpers.server'

/** Replaces the user's whole set in one transaction: the old codes stop working as the new ones start. */
export async function replaceBackupCodes(userId: string, codeHashes: string[], now: Date): Promise<void> {
  getDb().transaction((tx) => {
    tx.delete(backupCodes).where(eq(backupCodes.userId, userId)).run()
    tx.insert(backupCodes)
      .values(
        codeHashes.map((codeHash) => ({ id: crypto.randomUUID(), userId, codeHash, usedAt: null, createdAt: now })),
      )
      .run()
  })
}

export async function listUnusedBackupCodes(userId: string): Promise<{ id: string; codeHash: string }[]> {
  return getDb()
    .select({ id: backupCodes.id, codeHash: backupCodes.codeHash })
    .from(backupCodes)
    .where(and(eq(backupCodes.userId, userId), isNull(backupCodes.usedAt)))
    .all()
}

/** Marks the code used in one statement; false when it was already used (even by a parallel request). */
export async function markBackupCodeUsed(userId: string, id: string, now: Date): Promise<boolean> {
  return updateRows(
    backupCodes,
    { usedAt: now },
    and(eq(backupCodes.userId, userId), eq(backupCodes.id, id), isNull(backupCodes.usedAt)),
  )
}

// Every dashboard asks whether the user has a second factor: prepared once.
const codeCounts = preparedQuery((db) => ({
  total: db
    .select({ n: count() })
    .from(backupCodes)
    .where(eq(backupCodes.userId, sql.placeholder('userId')))
    .prepare(),
  unused: db
    .select({ n: count() })
    .from(backupCodes)
    .where(and(eq(backupCodes.userId, sql.placeholder('userId')), isNull(backupCodes.usedAt)))
    .prepare(),
}))

export async function countBackupCodes(userId: string): Promise<{ total: number; unused: number }> {
  const { total, unused } = codeCounts()
  return { total: total.get({ userId })?.n ?? 0, unused: unused.get({ userId })?.n ?? 0 }
}

/** When the current set was made (every code of a set shares it), or null when there is none. */
export async function backupCodesMadeAt(userId: string): Promise<Date | null> {
  const row = getDb()
    .select({ at: max(backupCodes.createdAt) })
    .from(backupCodes)
    .where(eq(backupCodes.userId, userId))
    .get()
  return row?.at ?? null
}
