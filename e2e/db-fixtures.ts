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

/** The newest message to `to` (an email address or an E.164 phone number) whose subject matches. */
export function latestOutboxMessage(to: string, subjectLike: string): { subject: string; text: string } | undefined {
  const db = openE2eDatabase()
  try {
    return db
      .prepare('select subject, text from outbox where "to" = ? and subject like ? order by created_at desc, rowid desc limit 1')
      .get(to, subjectLike) as { subject: string; text: string } | undefined
  } finally {
    db.close()
  }
}

/** The 6-digit code in the newest message to `to` whose subject matches (waits briefly for it). */
export async function readCodeFromOutbox(to: string, subjectLike: string): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const message = latestOutboxMessage(to, subjectLike)
    // The subject ends with the code; texts (SMS) say "code is: 123456". Names may hold digits too.
    const code = (message?.subject.match(/(\d{6})$/) ?? message?.text.match(/code(?: is)?:? (\d{6})/i))?.[1]
    if (code) return code
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`No code in a message to ${to} with subject like ${subjectLike}`)
}
