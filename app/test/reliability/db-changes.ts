import { getDb } from '~/models/db.server'

/**
 * Tables a refused request may still write: sessions (last seen), throttles and security or fraud
 * records that exist precisely to note refused attempts, and the search index SQLite maintains.
 */
const BOOKKEEPING =
  /^(sessions|auth_throttles|security_events|fraud_signals|sign_in_assessments|known_devices|sqlite_|__drizzle)|_fts/

/** A security alert mailed about a refused attempt (a lock-out) is bookkeeping too. */
const WHEN: Record<string, string> = { outbox: "WHEN NEW.subject NOT LIKE 'MegiLance security alert:%'" }

/**
 * Counts every insert, update and delete on the marketplace's tables through temporary triggers
 * (they live on this connection only, so the database file is untouched): reading the counters
 * before and after a request says whether it changed anything, at no cost per table.
 */
export function trackChanges(): { perTable: () => Map<string, number> } {
  const db = getDb().$client
  db.exec('CREATE TEMP TABLE IF NOT EXISTS fuzz_changes (name TEXT PRIMARY KEY, n INTEGER NOT NULL)')
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[])
    .map((row) => row.name)
    .filter((name) => !BOOKKEEPING.test(name))
  for (const table of tables) {
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      db.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS "fuzz_${table}_${event}" AFTER ${event} ON main."${table}" ` +
          `${event === 'INSERT' ? (WHEN[table] ?? '') : ''} BEGIN ` +
          `INSERT INTO fuzz_changes VALUES ('${table}', 1) ON CONFLICT(name) DO UPDATE SET n = n + 1; END`,
      )
    }
  }
  const changed = db.prepare('SELECT name, n FROM fuzz_changes')
  return {
    perTable: () => new Map((changed.all() as { name: string; n: number }[]).map((row) => [row.name, row.n])),
  }
}
