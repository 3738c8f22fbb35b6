import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { describe, expect, it } from 'vitest'

/** The migrations folder as it was before `tag`, so a database can be made the way it was then. */
function migrationsBefore(tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'megilance-migrations-'))
  fs.cpSync(path.resolve('drizzle'), dir, { recursive: true })
  const journalFile = path.join(dir, 'meta/_journal.json')
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] }
  journal.entries = journal.entries.slice(
    0,
    journal.entries.findIndex((entry) => entry.tag === tag),
  )
  fs.writeFileSync(journalFile, JSON.stringify(journal))
  return dir
}

describe('migration 0008 on a database from before it', () => {
  it('drops old codes and SMTP bodies from the outbox, and records the old demo seed’s accounts', () => {
    const sqlite = new Database(':memory:')
    const db = drizzle({ client: sqlite })
    migrate(db, { migrationsFolder: migrationsBefore('0008_demo_accounts_outbox_metadata') })
    const user = sqlite.prepare("insert into users (id, email, name, role, password_hash) values (?, ?, 'N', ?, 'x')")
    user.run('a', 'admin@megilance.test', 'admin')
    user.run('c', 'clara.smith3@example.com', 'client')
    user.run('r', 'real@company.dev', 'client')
    const mail = sqlite.prepare(
      "insert into outbox (id, \"to\", subject, text, transport, status, created_at) values (?, 'x@company.dev', ?, ?, ?, 'sent', 0)",
    )
    mail.run('1', 'Your MegiLance security code: 123456', 'Your security code is: 123456', 'outbox')
    mail.run('2', 'Your MegiLance password reset code', 'Your password reset code is: 87654321', 'outbox')
    mail.run('3', 'Welcome to MegiLance', 'Hello', 'smtp')
    mail.run('4', 'Welcome to MegiLance', 'Hello', 'outbox')

    migrate(db, { migrationsFolder: path.resolve('drizzle') })
    const rows = sqlite.prepare('select id, subject, kind, text from outbox order by id').all()
    expect(rows).toEqual([
      { id: '1', subject: 'Your MegiLance security code: ••••••', kind: 'security_code', text: null },
      { id: '2', subject: 'Your MegiLance password reset code', kind: 'password_reset', text: null },
      { id: '3', subject: 'Welcome to MegiLance', kind: 'notification', text: null },
      { id: '4', subject: 'Welcome to MegiLance', kind: 'notification', text: 'Hello' },
    ])
    expect(sqlite.prepare('select user_id from demo_accounts order by user_id').pluck().all()).toEqual(['a', 'c'])
    sqlite.close()
  })
})
