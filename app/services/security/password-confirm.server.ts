import { markSessionPasswordConfirmed } from '~/models/sessions.server'
import { findUserById } from '~/models/users.server'
import { verifyPassword } from '~/services/accounts/passwords.server'
import type { RequestOrigin } from './context'
import { recordSecurityEvent } from './events.server'
import { accountKey } from './sign-in.server'
import { assertNotThrottled, clearThrottle, recordThrottledAttempt } from './throttle.server'

/**
 * Checks the password again on a signed-in session (before an account adds its first second
 * factor) and records it on the session. Wrong passwords share the sign-in back-off, so the two
 * forms together give no more guesses than either; throws Throttled while it applies.
 */
export async function confirmPasswordOnSession(
  session: { sessionId: string; user: { id: string; email: string } },
  password: string,
  origin: RequestOrigin,
  now = new Date(),
): Promise<boolean> {
  const { user } = session
  const subject = { userId: accountKey(user.email), ip: origin.ip }
  await assertNotThrottled('sign-in', subject, now)
  const found = await findUserById(user.id)
  if (found && (await verifyPassword(found.passwordHash, password))) {
    await clearThrottle('sign-in', subject.userId)
    await markSessionPasswordConfirmed(session.sessionId, now)
    return true
  }
  const lockStarted = await recordThrottledAttempt('sign-in', subject, now)
  await recordSecurityEvent({ userId: user.id, kind: 'password_confirm_failed', origin, now })
  if (lockStarted)
    await recordSecurityEvent({ userId: user.id, kind: 'throttled', origin, detail: 'Password re-entry', now })
  return false
}
