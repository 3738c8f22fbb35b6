import { and, eq } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { deleteRows } from './query-helpers.server'

/**
 * Deletes the row of `table` whose `key` column is `value`, only when its `owner` column is `userId`,
 * so a stranger's id deletes nothing. False when the row is not theirs or already gone.
 */
export async function deleteOwnedRow(
  table: SQLiteTable,
  owner: SQLiteColumn,
  userId: string,
  key: SQLiteColumn,
  value: string,
): Promise<boolean> {
  return deleteRows(table, and(eq(owner, userId), eq(key, value)))
}
