import type Database from 'better-sqlite3'
import { LRUCache } from 'lru-cache'

/**
 * drizzle prepares every query afresh, and SQLite compiling the same SQL again and again was about
 * 4 % of the CPU of a dashboard request. This keeps the connection's most recent statements and
 * hands them back. A statement keeps the mode its last user left it in, and drizzle reads rows as
 * arrays (`raw()`) or as objects from the same SQL, so a reused reader is put back to objects.
 * A statement still being iterated cannot run twice, so that case gets a fresh one.
 */
export function cachePreparedStatements(sqlite: Database.Database, max = 500): void {
  const prepare = sqlite.prepare.bind(sqlite)
  const statements = new LRUCache<string, Database.Statement>({ max })
  sqlite.prepare = ((source: string) => {
    const cached = statements.get(source)
    if (cached && !cached.busy) {
      if (cached.reader) cached.raw(false)
      return cached
    }
    const statement = prepare(source)
    if (!cached) statements.set(source, statement)
    return statement
  }) as Database.Database['prepare']
}
