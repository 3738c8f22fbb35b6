import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable, SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core'
import { getDb } from './db.server'
import { findRow } from './query-helpers.server'

/** A table of codes (or links) a person proves something with: each row counts its wrong guesses. */
type CodeTable = SQLiteTable & { id: SQLiteColumn; attempts: SQLiteColumn }
/** A code table whose rows are marked used once, newest first. */
type UsableCodeTable = CodeTable & { usedAt: SQLiteColumn; createdAt: SQLiteColumn }

/** Stores a new code and voids the earlier unused ones `sameKey` picks (the same person and purpose). */
export function replaceCode<T extends UsableCodeTable>(table: T, sameKey: SQL | undefined, row: T['$inferInsert']) {
  getDb().transaction((tx) => {
    tx.delete(table)
      .where(and(sameKey, isNull(table.usedAt)))
      .run()
    tx.insert(table).values(row).run()
  })
}

/** The newest unused code `where` picks, if any. */
export function findNewestUnusedCode<T extends UsableCodeTable>(
  table: T,
  where: SQL | undefined,
): T['$inferSelect'] | undefined {
  return findRow(table, and(where, isNull(table.usedAt)), desc(table.createdAt))
}

/** One more wrong guess at the code `id`. */
export async function countCodeAttempt<T extends CodeTable>(table: T, id: string): Promise<void> {
  const oneMore = { attempts: sql`${table.attempts} + 1` } as SQLiteUpdateSetSource<T>
  getDb().update(table).set(oneMore).where(eq(table.id, id)).run()
}

/** Marks the code `id` used; false when another request used it first. */
export async function consumeCode<T extends CodeTable & { usedAt: SQLiteColumn }>(
  table: T,
  id: string,
  usedAt: Date,
): Promise<boolean> {
  const used = { usedAt } as SQLiteUpdateSetSource<T>
  return (
    getDb()
      .update(table)
      .set(used)
      .where(and(eq(table.id, id), isNull(table.usedAt)))
      .run().changes > 0
  )
}
