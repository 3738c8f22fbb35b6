import Database from 'better-sqlite3'
import { getDb, openDatabaseFile } from './db.server'
import { checkLedgerInvariants } from './ledger.server'

/**
 * A consistent copy of the live database while it keeps serving (SQLite's online backup API: pages
 * are copied in steps, and a write during the copy restarts the affected steps). The copy is one
 * self-contained file (rollback journal, not WAL), so nothing beside it is needed to read it.
 */
export async function writeOnlineBackup(destination: string): Promise<void> {
  await getDb().$client.backup(destination)
  const copy = new Database(destination)
  copy.pragma('journal_mode = DELETE')
  copy.close()
}

export type DatabaseFileReport = {
  /** SQLite's `integrity_check`: `["ok"]` when the file is sound. */
  integrity: string[]
  ledger: Awaited<ReturnType<typeof checkLedgerInvariants>>
}

/** Opens a database file read-only and checks its pages and its ledger. */
export async function inspectDatabaseFile(file: string): Promise<DatabaseFileReport> {
  const db = openDatabaseFile(file)
  try {
    const rows = db.$client.pragma('integrity_check') as { integrity_check: string }[]
    return { integrity: rows.map((row) => row.integrity_check), ledger: await checkLedgerInvariants(db) }
  } finally {
    db.$client.close()
  }
}

/**
 * Whether another connection (a running server) has the file open: an exclusive lock cannot be
 * taken on a WAL database while anyone else holds it, even idle.
 */
export async function isDatabaseInUse(file: string): Promise<boolean> {
  const probe = new Database(file, { fileMustExist: true, timeout: 200 })
  try {
    probe.pragma('locking_mode = EXCLUSIVE')
    probe.exec('BEGIN EXCLUSIVE')
    probe.exec('COMMIT')
    return false
  } catch {
    return true
  } finally {
    probe.close()
  }
}

/** A whole copy of a database file that no one has open, including what its WAL still holds. */
export async function copyDatabaseFile(source: string, destination: string): Promise<void> {
  const db = new Database(source, { fileMustExist: true })
  try {
    await db.backup(destination)
  } finally {
    db.close()
  }
}
