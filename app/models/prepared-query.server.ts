import { eq, sql } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { getDb, type DB } from './db.server'

/**
 * A drizzle query built once per database connection, then run with `sql.placeholder` values.
 * Building a select with drizzle's query builder (walking its columns, joins and conditions into
 * SQL) costs 90–170 µs; running the prepared query about 10 µs. Meant for the queries every signed-in
 * page runs (the session, the second factors, the menu's counts). A new connection (a test's fresh
 * database) gets its own prepared query.
 */
export function preparedQuery<Query>(build: (db: DB) => Query): () => Query {
  const byConnection = new WeakMap<DB, Query>()
  return () => {
    const db = getDb()
    let query = byConnection.get(db)
    if (query === undefined) {
      query = build(db)
      byConnection.set(db, query)
    }
    return query
  }
}

/**
 * The finder of a table that holds at most one row per person (a second factor), by user id. Every
 * dashboard asks whether the user has each factor, so its query is prepared once per connection.
 */
export function preparedRowOfUser<T extends SQLiteTable & { userId: SQLiteColumn }>(table: T) {
  const rowOf = preparedQuery((db) =>
    db
      .select()
      .from(table as SQLiteTable)
      .where(eq(table.userId, sql.placeholder('userId')))
      .prepare(),
  )
  return (userId: string) => rowOf().get({ userId }) as T['$inferSelect'] | undefined
}

/**
 * A plain SQL statement (named parameters as `@name`) compiled once per connection, for the raw
 * queries every dashboard load runs: `db.all(sql\`…\`)` renders the template and compiles the
 * statement again on every call.
 */
export function preparedStatement<Row>(text: string) {
  return preparedQuery((db) => db.$client.prepare<Record<string, unknown>, Row>(text))
}

/**
 * A plain SQL statement whose LIMIT is written into the text, one statement per limit value. A
 * bound `limit @limit` kept SQLite from cutting its ORDER BY short: the dashboards' newest-five
 * lists cost 38–43 µs of CPU each with a bound limit and 12–28 µs with a literal one.
 */
export function preparedStatementWithLimit<Row>(text: (limit: number) => string) {
  const byLimit = new Map<number, ReturnType<typeof preparedStatement<Row>>>()
  return (limit: number) => {
    if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`Not a row limit: ${limit}`)
    let statement = byLimit.get(limit)
    if (!statement) {
      statement = preparedStatement<Row>(text(limit))
      byLimit.set(limit, statement)
    }
    return statement()
  }
}
