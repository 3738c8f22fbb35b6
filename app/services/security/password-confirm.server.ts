import { markSessionPasswordConfirmed } from '~/models/sessions.server'
import { findUserById } from '~/models/users.server'
import { replacePassword } from '~/services/accounts/accounts.server'
import { verifyPassword } from '~/services/accounts/passwords.server'
import type { RequestOrigin } from './context'
import { recordSecurityEvent } from './events.server'
import { accountKey } from './sign-in.server'
import { passAttempt, recordThrottledAttempt, takeAttempt } from './throttle.server'

/**
 * The back-off key of password re-entry on one signed-in session. The session counts its own
 * failures: keyed by the email, as sign-in's are, a stranger typing wrong passwords for the address
 * on the sign-in page would make the signed-in owner wait up to 15 minutes to re-enter theirs.
 * Someone holding a stolen session cannot start another without the password, so the session's own
 * back-off (five free, then a lock doubling up to 15 minutes) bounds their guesses.
 */
const reentryKey = (email: string, sessionId: string) => `${accountKey(email)}:session:${sessionId}`

/**
 * Checks the password again on a signed-in session (before an account adds its first second
 * factor) and records it on the session. Throws Throttled while the session's own back-off (or its
 * IP's) applies. A wrong password also counts towards the email's sign-in back-off, so guesses here
 * still slow guessing on the sign-in page; the email's count never holds the session up.
 */
export async function confirmPasswordOnSession(
  session: { sessionId: string; user: { id: string; email: string } },
  password: string,
  origin: RequestOrigin,
  now = new Date(),
): Promise<boolean> {
  if (!(await reenterPassword(session, password, origin, now))) return false
  await markSessionPasswordConfirmed(session.sessionId, now)
  return true
}

/**
 * Changes the password on a signed-in session: the current one is re-entered under the same back-off
 * as above (throws Throttled), so a session left open cannot be used to guess it without limit.
 */
export async function changePasswordOnSession(
  session: { sessionId: string; user: { id: string; email: string } },
  input: { currentPassword: string; newPassword: string },
  origin: RequestOrigin,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; field: 'currentPassword' | 'newPassword'; message: string }> {
  if (!(await reenterPassword(session, input.currentPassword, origin, now))) {
    return { ok: false, field: 'currentPassword', message: 'Your current password is not right' }
  }
  return replacePassword(session.user.id, input, session.sessionId)
}

/**
 * The password typed again on a session, checked under the session's back-off (throws Throttled);
 * failures are logged. Used as is where a change asks for the password in its own form.
 */
export async function reenterPassword(
  session: { sessionId: string; user: { id: string; email: string } },
  password: string,
  origin: RequestOrigin,
  now: Date,
): Promise<boolean> {
  const { user } = session
  const subject = { userId: reentryKey(user.email, session.sessionId), ip: origin.ip }
  // Counted before the hash is checked, so that passwords sent at once cannot all be tried.
  const { lockStarted } = await takeAttempt('sign-in', subject, now)
  const found = await findUserById(user.id)
  if (found && (await verifyPassword(found.passwordHash, password))) {
    // Forgets the session's own failures, not the count strangers ran up against the email.
    await passAttempt('sign-in', subject)
    return true
  }
  await recordThrottledAttempt('sign-in', { userId: accountKey(user.email) }, now)
  await recordSecurityEvent({ userId: user.id, kind: 'password_confirm_failed', origin, now })
  if (lockStarted)
    await recordSecurityEvent({ userId: user.id, kind: 'throttled', origin, detail: 'Password re-entry', now })
  return false
}
