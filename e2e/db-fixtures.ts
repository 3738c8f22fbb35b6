import Database from 'better-sqlite3'

/** The e2e server's database, for fixtures that set up what a test starts from. */
export function openE2eDatabase() {
  const file = process.env.E2E_DATABASE_PATH
  if (!file) throw new Error('E2E_DATABASE_PATH is not set (playwright.config.ts sets it)')
  const db = new Database(file)
  db.pragma('busy_timeout = 5000')
  return db
}

export function userIdByEmail(db: Database.Database, email: string): string {
  const row = db.prepare('select id from users where email = ?').get(email) as { id: string } | undefined
  if (!row) throw new Error(`No user ${email}`)
  return row.id
}
