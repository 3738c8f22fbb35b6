import { and, desc, eq, isNull, lt, sql, type SQL } from 'drizzle-orm'
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

/**
 * Takes one of the code `id`'s `maxTries` tries: false when they are all used. The check and the
 * count are one conditional UPDATE, so two web workers guessing at the same instant can never both
 * pass a check of the same count (reading the count, then adding one, let a sixth guess through).
 */
export async function takeCodeTry<T extends CodeTable>(table: T, id: string, maxTries: number): Promise<boolean> {
  const oneMore = { attempts: sql`${table.attempts} + 1` } as SQLiteUpdateSetSource<T>
  return (
    getDb()
      .update(table)
      .set(oneMore)
      .where(and(eq(table.id, id), lt(table.attempts, maxTries)))
      .run().changes > 0
  )
}

/** Gives back a try taken by someone who has just shown they know the code (their other input was refused). */
export async function giveBackCodeTry<T extends CodeTable>(table: T, id: string): Promise<void> {
  const oneLess = { attempts: sql`max(${table.attempts} - 1, 0)` } as SQLiteUpdateSetSource<T>
  getDb().update(table).set(oneLess).where(eq(table.id, id)).run()
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
