import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { getEnv } from '~/utils/env.server'
import * as schema from './schema'
import { cachePreparedStatements } from './statement-cache.server'

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

const MIGRATIONS_FOLDER = path.resolve(process.cwd(), 'drizzle')

function open(file: string): DB {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = NORMAL')
  // 64 MiB of page cache per connection (SQLite's default is 2 MiB): the analytics pages read the
  // same ledger pages again and again; in-process the admin year page went from ~120 to ~90 ms of CPU.
  sqlite.pragma('cache_size = -65536')
  cachePreparedStatements(sqlite)
  const db = writeLockAtBegin(drizzle({ client: sqlite, schema }))
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER })
  return db
}

/**
 * Transactions take the write lock when they begin (BEGIN IMMEDIATE) unless they ask otherwise. The
 * web workers and the job process share this file: a deferred transaction that reads and then writes
 * fails at once with SQLITE_BUSY when another process wrote in between (busy_timeout waits only for
 * a lock, never for a stale snapshot), and the request answered 500. A read-only transaction passes
 * `{ behavior: 'deferred' }`, so readers never wait for writers.
 */
function writeLockAtBegin(db: DB): DB {
  const transaction = db.transaction.bind(db)
  db.transaction = ((run, config) => transaction(run, { behavior: 'immediate', ...config })) as DB['transaction']
  return db
}

/** Another database file (a backup), read-only and as it is: never migrated. */
export function openDatabaseFile(file: string): DB {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true })
  return drizzle({ client: sqlite, schema })
}

// One connection per process, kept across dev rebuilds.
const globalForDb = globalThis as unknown as { megilanceDb?: DB }

/** The database, opened (and migrated) on first use. */
export function getDb(): DB {
  globalForDb.megilanceDb ??= open(getEnv().DATABASE_PATH)
  return globalForDb.megilanceDb
}

export function closeDb(): void {
  globalForDb.megilanceDb?.$client.close()
  globalForDb.megilanceDb = undefined
}
