import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    migratedDatabase: string
  }
}

/**
 * vitest globalSetup: migrates one database for the whole run, which app/test/setup-db.ts copies
 * for each test file, instead of every file running every migration again (about 0.1 s of CPU each).
 * The pragmas are app/models/db.server.ts's; opening the copy there still runs `migrate`, which
 * finds nothing left to apply.
 */
export default function migrateTemplate(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'megilance-template-'))
  const file = path.join(dir, 'migrated.db')
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  migrate(drizzle({ client: sqlite }), { migrationsFolder: path.resolve('drizzle') })
  // Closing checkpoints the WAL into the file, so the file alone is the whole database.
  sqlite.close()
  project.provide('migratedDatabase', file)
  return () => fs.rmSync(dir, { recursive: true, force: true })
}
