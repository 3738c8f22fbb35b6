import crypto from 'node:crypto'
import { createCookie } from '@remix-run/node'
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

/**
 * A session cookie for the account, written the way the server writes one after a sign-in that
 * passed a second factor (so admin pages that ask for one recently are open).
 */
export async function insertSessionCookie(email: string, baseURL: string) {
  const db = openE2eDatabase()
  try {
    const token = crypto.randomBytes(32).toString('base64url')
    const now = Date.now()
    db.prepare(
      'insert into sessions (id, user_id, ip, user_agent, created_at, last_seen_at, expires_at, second_factor_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      crypto.createHash('sha256').update(token).digest('hex'),
      userIdByEmail(db, email),
      '127.0.0.1',
      'e2e fixture',
      now,
      now,
      now + 7 * 86_400_000,
      now,
    )
    const cookie = createCookie('__session', { secrets: [process.env.E2E_SESSION_SECRET!] })
    const value = (await cookie.serialize(token)).split(';')[0]!.slice('__session='.length)
    return { name: '__session', value, url: baseURL, httpOnly: true, sameSite: 'Lax' as const }
  } finally {
    db.close()
  }
}

/** The newest message to `to` (an email address or an E.164 phone number) whose subject matches. */
export function latestOutboxMessage(
  to: string,
  subjectLike: string,
): { subject: string; text: string | null } | undefined {
  const db = openE2eDatabase()
  try {
    return db
      .prepare(
        'select subject, text from outbox where "to" = ? and subject like ? order by created_at desc, rowid desc limit 1',
      )
      .get(to, subjectLike) as { subject: string; text: string | null } | undefined
  } finally {
    db.close()
  }
}

/**
 * The 6-digit code in a message body (the offline outbox keeps bodies; stored subjects mask codes).
 * Emails say "code is: 123456", texts "code is 123456". Names may hold digits too.
 */
function codeInText(text: string | null | undefined): string | undefined {
  return text?.match(/code is:? (\d{6})\b/i)?.[1]
}

/** The codes in the newest `count` messages to `to` whose subject matches, newest first. */
export function recentCodesFromOutbox(to: string, subjectLike: string, count: number): string[] {
  const db = openE2eDatabase()
  try {
    const rows = db
      .prepare('select text from outbox where "to" = ? and subject like ? order by created_at desc, rowid desc limit ?')
      .all(to, subjectLike, count) as { text: string | null }[]
    return rows.map((row) => codeInText(row.text)).filter((code): code is string => Boolean(code))
  } finally {
    db.close()
  }
}

/** The 6-digit code in the newest message to `to` whose subject matches (waits briefly for it). */
export async function readCodeFromOutbox(to: string, subjectLike: string): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const message = latestOutboxMessage(to, subjectLike)
    const code = codeInText(message?.text)
    if (code) return code
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`No code in a message to ${to} with subject like ${subjectLike}`)
}
