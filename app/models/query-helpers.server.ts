import { count, sql, type GetColumnData, type SQL } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteSelect, SQLiteTable, SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core'
import { getDb } from './db.server'
import { users } from './schema'

/**
 * The query shapes the models repeat, written once: find a row, list rows in order, insert and
 * return, update under a guard, count, and read a list a page at a time. Each runs the same SQL its
 * callers used to write out. They are synchronous like better-sqlite3, so a transaction can use
 * them; the models' exported functions stay async around them.
 */

type Row<T extends SQLiteTable> = T['$inferSelect']

/** The row of `table` that `where` picks, if any: the first in the order given, or the first SQLite finds. */
export function findRow<T extends SQLiteTable>(
  table: T,
  where: SQL | undefined,
  ...orderBy: (SQLiteColumn | SQL)[]
): Row<T> | undefined {
  const query = getDb().select().from(table).where(where).$dynamic()
  return (orderBy.length ? query.orderBy(...orderBy) : query).get() as Row<T> | undefined
}

/** The rows of `table` that `where` picks, in the order given. */
export function listRows<T extends SQLiteTable>(
  table: T,
  where: SQL | undefined,
  ...orderBy: [SQLiteColumn | SQL, ...(SQLiteColumn | SQL)[]]
): Row<T>[] {
  return getDb()
    .select()
    .from(table)
    .where(where)
    .orderBy(...orderBy)
    .all() as Row<T>[]
}

/** The values of `column` in the rows of its table that `where` picks, in the order given. */
export function listColumn<C extends SQLiteColumn>(
  column: C,
  where: SQL | undefined,
  ...orderBy: (SQLiteColumn | SQL)[]
): GetColumnData<C>[] {
  const query = getDb()
    .select({ value: column as SQLiteColumn })
    .from(column.table)
    .where(where)
    .$dynamic()
  return (orderBy.length ? query.orderBy(...orderBy) : query).all().map((row) => row.value as GetColumnData<C>)
}

/** Inserts one row and returns it as stored (with the defaults SQLite filled in). */
export function insertRow<T extends SQLiteTable>(table: T, values: T['$inferInsert']): Row<T> {
  return getDb().insert(table).values(values).returning().get() as Row<T>
}

/**
 * Updates the rows `where` picks. False when none matched: the guard in `where` (a status, an
 * unset time, an owner) did not hold, for instance because another request changed the row first.
 */
export function updateRows<T extends SQLiteTable>(table: T, set: SQLiteUpdateSetSource<T>, where: SQL | undefined) {
  return getDb().update(table).set(set).where(where).run().changes > 0
}

/** Deletes the rows `where` picks. False when none matched (already gone, or the guard did not hold). */
export function deleteRows(table: SQLiteTable, where: SQL | undefined): boolean {
  return getDb().delete(table).where(where).run().changes > 0
}

/** How many rows of `table` `where` picks. */
export function countRows(table: SQLiteTable, where: SQL | undefined): number {
  return getDb().select({ n: count() }).from(table).where(where).get()?.n ?? 0
}

/** Which page of a list an admin is on, and how many rows a page holds. */
export type Page = { page: number; pageSize: number }

/** Limits an ordered list (a query made with `.$dynamic()`) to one page. */
export function pageOf<Q extends SQLiteSelect>(query: Q, { page, pageSize }: Page) {
  return query.limit(pageSize).offset((page - 1) * pageSize)
}

/** Whether `where` picks any row of `table`. */
export function hasRow(table: SQLiteTable, where: SQL | undefined): boolean {
  return (
    getDb()
      .select({ found: sql`1` })
      .from(table)
      .where(where)
      .get() !== undefined
  )
}

/** Inserts the rows, each one replacing the row with the same `key` (in one transaction). */
export function upsertRows<T extends SQLiteTable>(table: T, key: SQLiteColumn[], rows: T['$inferInsert'][]): void {
  if (!rows.length) return
  getDb().transaction((tx) => {
    for (const row of rows) {
      tx.insert(table)
        .values(row)
        .onConflictDoUpdate({ target: key, set: { ...row } as SQLiteUpdateSetSource<T> })
        .run()
    }
  })
}

/**
 * Puts a new unconfirmed row in place of the one `unconfirmed` picks (in one transaction). False when
 * the insert meets a row that stayed, i.e. a confirmed one, which is kept as it is.
 */
export function replaceUnconfirmedRow<T extends SQLiteTable>(
  table: T,
  unconfirmed: SQL | undefined,
  values: T['$inferInsert'],
) {
  return getDb().transaction((tx) => {
    tx.delete(table).where(unconfirmed).run()
    return tx.insert(table).values(values).onConflictDoNothing().run().changes > 0
  })
}

/**
 * The name of the person whose id `userId` holds, read beside each row (a lookup by the users'
 * primary key) instead of joining `users` only for it: `freelancerName: userName(proposals.freelancerId)`.
 * Null when the column is empty (an optional reference such as the actor of a system event).
 */
export function userName<C extends SQLiteColumn>(userId: C) {
  type Name = C['_']['notNull'] extends true ? string : string | null
  // Nested so the columns stay qualified: drizzle writes a one-table select's own columns unqualified.
  const lookup = sql`select ${users.name} from ${users} where ${users.id} = ${userId}`
  return sql<Name>`(${lookup})`
}
