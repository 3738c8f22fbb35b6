import './app-env'
import { eq } from 'drizzle-orm'
import { getDb } from '~/models/db.server'
import { listOutbox } from '~/models/outbox.server'
import { sessions } from '~/models/schema'
import { findUserByEmail } from '~/models/users.server'
import { startSession } from '~/services/accounts/sessions.server'

/**
 * Where a cookie for `url` goes. A Secure one (the server's `__Host-` cookies) by host and path:
 * Playwright turns a `url` into Secure only for https, and a `__Host-` cookie without Secure is refused.
 */
export function cookiePlace(url: string, secure: boolean) {
  return secure ? { domain: new URL(url).hostname, path: '/', secure: true } : { url }
}

/** Dates the account's sessions to a day ago: as if signed in before the server's last start (a deploy). */
export async function backdateSessionsOf(email: string): Promise<void> {
  const dayAgo = new Date(Date.now() - 24 * 3600_000)
  getDb()
    .update(sessions)
    .set({ createdAt: dayAgo })
    .where(eq(sessions.userId, await userIdByEmail(email)))
    .run()
}

/** The id of an existing account. */
export async function userIdByEmail(email: string): Promise<string> {
  const user = await findUserByEmail(email)
  if (!user) throw new Error(`No user ${email}`)
  return user.id
}

/**
 * A session cookie for the account, started by the app's own session code as after a sign-in that
 * passed a second factor (so admin pages that ask for one recently are open), by default just now.
 */
export async function insertSessionCookie(email: string, baseURL: string, secondFactorAt = new Date()) {
  const request = new Request(baseURL, { headers: { 'user-agent': 'e2e fixture' } })
  const setCookie = await startSession(await userIdByEmail(email), request, '127.0.0.1', { secondFactorAt })
  const [name, value] = setCookie.split(';')[0]!.split(/=(.*)/s)
  const secure = /;\s*secure/i.test(setCookie)
  return { name: name!, value: value!, ...cookiePlace(baseURL, secure), httpOnly: true, sameSite: 'Lax' as const }
}

/** Messages to `to` (an email address or an E.164 phone number) whose subject matches a SQL LIKE pattern, newest first. */
async function outboxMessages(to: string, subjectLike: string, count: number) {
  const literal = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const subject = new RegExp(`^${subjectLike.split('%').map(literal).join('.*')}$`, 'i')
  const { rows } = await listOutbox({ to, page: 1, pageSize: 100 })
  return rows.filter((row) => row.to === to && subject.test(row.subject)).slice(0, count)
}

/** The newest message to `to` whose subject matches. */
export async function latestOutboxMessage(
  to: string,
  subjectLike: string,
): Promise<{ subject: string; text: string | null } | undefined> {
  return (await outboxMessages(to, subjectLike, 1))[0]
}

/**
 * The 6-digit code in a message body (the offline outbox keeps bodies; stored subjects mask codes).
 * Emails say "code is: 123456", texts "code is 123456". Names may hold digits too.
 */
function codeInText(text: string | null | undefined): string | undefined {
  return text?.match(/code is:? (\d{6})\b/i)?.[1]
}

/** The codes in the newest `count` messages to `to` whose subject matches, newest first. */
export async function recentCodesFromOutbox(to: string, subjectLike: string, count: number): Promise<string[]> {
  const rows = await outboxMessages(to, subjectLike, count)
  return rows.map((row) => codeInText(row.text)).filter((code): code is string => Boolean(code))
}

/** The 6-digit code in the newest message to `to` whose subject matches (waits briefly for it). */
export async function readCodeFromOutbox(to: string, subjectLike: string): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const message = await latestOutboxMessage(to, subjectLike)
    const code = codeInText(message?.text)
    if (code) return code
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`No code in a message to ${to} with subject like ${subjectLike}`)
}
