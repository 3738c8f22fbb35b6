import { sql } from 'drizzle-orm'
import { integer, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core'

/**
 * The column sets the tables share (Drizzle's "reusable column definitions"). Each helper writes
 * exactly the column it replaces, so the SQL and the inferred row types stay as they were.
 */

/** What a reference does when the row it points at is deleted; none given: the delete is refused. */
export type OnDelete = 'cascade' | 'set null'

/** A point in time: integer milliseconds since the epoch, read as a Date. */
export const at = <N extends string>(name: N) => integer(name, { mode: 'timestamp_ms' })

/** The random text id of a table's rows. */
export const textId = () => text('id').primaryKey()

/** A row number SQLite hands out, for log tables nothing refers to by a random id. */
export const serialId = () => integer('id').primaryKey({ autoIncrement: true })

/** A required reference to another table's text id. */
export const ref = <N extends string>(name: N, target: () => AnySQLiteColumn, onDelete?: OnDelete) =>
  text(name)
    .notNull()
    .references(target, onDelete && { onDelete })

/** A reference that may be empty (no one, or nothing yet). */
export const optionalRef = <N extends string>(name: N, target: () => AnySQLiteColumn, onDelete?: OnDelete) =>
  text(name).references(target, onDelete && { onDelete })

const nowInSqlite = sql`(unixepoch('subsec') * 1000)`

/** Creation and last-change times that SQLite fills in; Drizzle moves `updated_at` on every update. */
export const timestamps = {
  createdAt: at('created_at').notNull().default(nowInSqlite),
  updatedAt: at('updated_at')
    .notNull()
    .default(nowInSqlite)
    .$onUpdate(() => new Date()),
}

/** When the row was made, written by the app itself on insert (a log line, a code, an event). */
export const createdAt = () => at('created_at').notNull()

/** Creation and last-change times the app writes itself on every insert and update. */
export const writtenTimes = () => ({
  createdAt: createdAt(),
  updatedAt: at('updated_at').notNull(),
})

/** An amount of money: integer minor units of the currency beside it (ISO 4217 or a crypto code). */
export const amountInCurrency = () => ({
  amountMinor: integer('amount_minor').notNull(),
  currency: text('currency').notNull(),
})

/** A code sent to a person (by email or SMS): only its hash is kept, with the wrong tries and when it expires. */
export const sentCode = () => ({
  codeHash: text('code_hash').notNull(),
  attempts: integer('attempts').notNull().default(0),
  expiresAt: at('expires_at').notNull(),
})

/** A row's place in its state machine (the states are declared in app/domain); `.default()` names where it starts. */
export const statusColumn = <const T extends readonly [string, ...string[]]>(states: T) =>
  text('status', { enum: states }).notNull()
