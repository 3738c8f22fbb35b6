import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, inject } from 'vitest'

// Each test file gets its own temporary SQLite file: a copy of the run's migrated database
// (app/test/migrated-template.ts), opened on first use.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'megilance-test-'))
process.env.DATABASE_PATH = path.join(dir, 'test.db')
fs.copyFileSync(inject('migratedDatabase'), process.env.DATABASE_PATH)
process.env.SESSION_SECRET ??= 'test-session-secret-that-is-long-enough-0123456789'
process.env.LOG_LEVEL ??= 'silent'
process.env.NODE_ENV = 'test'

afterAll(async () => {
  // An open database in WAL mode has its -wal file; a file that never opened one (a pure unit test)
  // does not load the database module just to close it.
  if (fs.existsSync(`${process.env.DATABASE_PATH}-wal`)) {
    const { closeDb } = await import('~/models/db.server')
    closeDb()
  }
  fs.rmSync(dir, { recursive: true, force: true })
})
