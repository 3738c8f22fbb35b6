import { and, eq, isNull, sql } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable, SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core'
import { getDb } from './db.server'

/** A table of codes (or links) a person proves something with: each row counts its wrong guesses. */
type CodeTable = SQLiteTable & { id: SQLiteColumn; attempts: SQLiteColumn }

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
