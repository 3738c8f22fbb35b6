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
  cachePreparedStatements(sqlite)
  const db = drizzle({ client: sqlite, schema })
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER })
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
