import { deleteUnusedOneTimeCodes, findLiveOneTimeCode } from '~/models/one-time-codes.server'
import { changeUserEmail, findUserByEmail, findUserById } from '~/models/users.server'
import { sendEmail } from '~/services/email/mailer.server'
import { emailChangeCodeEmail, emailChangedEmail, emailChangeTakenEmail } from '~/services/email/templates'
import type { RequestOrigin } from '~/services/security/context'
import { maskEmail } from '~/services/security/email-codes.server'
import { recordSecurityEvent } from '~/services/security/events.server'
import { CODE_MINUTES, issueOneTimeCode, redeemOneTimeCode } from '~/services/security/one-time-codes.server'
import { reenterPassword } from '~/services/security/password-confirm.server'
import { countCodeSend, takeQuota } from '~/services/security/throttle.server'

/**
 * Changing the account's email address. The new address gets a one-time code (the same codes as
 * the other email codes: 10 minutes, 5 tries, sending limited per account and IP, and at most 3
 * an hour to one address); the address changes only when that code comes back, on the session that
 * asked. The old address is then told, with what to do if it was not its owner.
 *
 * An address another account already has is never revealed to whoever asks: the answer is the same
 * "we sent a code", the message to that address says someone tried to move an account onto it (so
 * only its owner learns anything, and they knew), and no code can complete the change.
 */
type EmailSession = { sessionId: string; user: { id: string; email: string } }

const codeKey = (session: EmailSession) => ({
  userId: session.user.id,
  channel: 'email' as const,
  purpose: 'change_email' as const,
  // A code works only on the session that asked for it.
  boundTo: session.sessionId,
})

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

export type PendingEmailChange = { newEmail: string; sentAt: Date }

/** The address waiting for its code on this session, if any. */
export async function pendingEmailChangeOf(
  session: EmailSession,
  now = new Date(),
): Promise<PendingEmailChange | null> {
  const live = await findLiveOneTimeCode(codeKey(session), now)
  return live ? { newEmail: live.destination, sentAt: live.createdAt } : null
}

/** Issues a code for `newEmail` and mails it there, or (the address has an account) the note instead. */
async function sendChangeCode(session: EmailSession, newEmail: string, now: Date): Promise<void> {
  const address = newEmail.trim().toLowerCase()
  const code = await issueOneTimeCode({ ...codeKey(session), destination: address }, now)
  // Past 3 emails an hour to one address nothing more goes to it, and the answer is the same.
  if (!(await takeQuota('email-change-email', { email: address }, now))) return
  const [user, existing] = await Promise.all([findUserById(session.user.id), findUserByEmail(address)])
  if (!user) return
  await sendEmail(
    existing
      ? emailChangeTakenEmail(existing.email, existing.name)
      : emailChangeCodeEmail(address, user.name, code, CODE_MINUTES),
  )
}

export type StartEmailChangeOutcome =
  { ok: true; newEmail: string } | { ok: false; field: 'newEmail' | 'password'; message: string }

/**
 * Step one: the password again (under the session's back-off for re-entering it), then a code to
 * the new address. Throws Throttled while the password back-off or the code-sending limit applies.
 */
export async function startEmailChange(
  session: EmailSession,
  input: { newEmail: string; password: string },
  origin: RequestOrigin,
  now = new Date(),
): Promise<StartEmailChangeOutcome> {
  if (sameAddress(input.newEmail, session.user.email)) {
    return { ok: false, field: 'newEmail', message: 'That is already your email address' }
  }
  if (!(await reenterPassword(session, input.password, origin, now))) {
    return { ok: false, field: 'password', message: 'That password is not right' }
  }
  await countCodeSend({ userId: session.user.id, ip: origin.ip }, now)
  await sendChangeCode(session, input.newEmail, now)
  return { ok: true, newEmail: input.newEmail.trim().toLowerCase() }
}

/** A new code to the address already waiting (earlier codes stop working). Throws Throttled past the sending limit. */
export async function resendEmailChangeCode(
  session: EmailSession,
  origin: RequestOrigin,
  now = new Date(),
): Promise<boolean> {
  const pending = await pendingEmailChangeOf(session, now)
  if (!pending) return false
  await countCodeSend({ userId: session.user.id, ip: origin.ip }, now)
  await sendChangeCode(session, pending.newEmail, now)
  return true
}

/** Calls off the change waiting for its code. */
export async function cancelEmailChange(session: EmailSession): Promise<boolean> {
  return deleteUnusedOneTimeCodes(codeKey(session))
}

/**
 * Step two: the code from the new address moves the account there (once), the old address is told
 * and the change is logged (high severity). Other sessions stay signed in, as after adding a second
 * factor: the address is not a credential, and the old address's alert says how to end them.
 */
export async function confirmEmailChange(
  session: EmailSession,
  code: string,
  origin: RequestOrigin,
  now = new Date(),
): Promise<{ ok: true; newEmail: string } | { ok: false }> {
  const redeemed = await redeemOneTimeCode(codeKey(session), code, now)
  if (!redeemed.ok) return { ok: false }
  const user = await findUserById(session.user.id)
  if (!user || !(await changeUserEmail(user.id, redeemed.destination, { confirmedBy: 'code_to_new_address' }, now)))
    return { ok: false }
  const newEmail = redeemed.destination
  await recordSecurityEvent({
    userId: user.id,
    kind: 'email_changed',
    origin,
    detail: `From ${maskEmail(user.email)} to ${maskEmail(newEmail)}`,
    now,
    emailOwner: false,
  })
  await sendEmail(
    emailChangedEmail(user.email, user.name, { maskedNewEmail: maskEmail(newEmail), ip: origin.ip, at: now }),
  )
  return { ok: true, newEmail }
}
