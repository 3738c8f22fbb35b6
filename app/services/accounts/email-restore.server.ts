import { restorableChanges } from '~/domain/email-history'
import { findEmailChangeOf, listEmailChangesOf } from '~/models/email-changes.server'
import { changeUserEmail, findUserByEmail, findUserById } from '~/models/users.server'
import { sendEmail } from '~/services/email/mailer.server'
import { emailRestoredEmail } from '~/services/email/templates'
import type { RequestOrigin } from '~/services/security/context'
import { maskEmail } from '~/services/security/email-codes.server'
import { recordSecurityEvent } from '~/services/security/events.server'
import { endAllSessions } from './sessions.server'

export type RestoreEmailOutcome =
  | { ok: true; restored: string; replaced: string }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'conflict'; message: string }

/**
 * Account takeover recovery: an admin puts back the address an account had before one of its
 * changes (`changeId`, from its address history). The account is signed out everywhere (whoever
 * took it over is too), the change is logged at high severity and the restored address is told
 * what happened and what to do. Refused when another account uses that address by now.
 */
export async function restoreEmailAddress(
  input: { userId: string; changeId: string; reason: string; adminId: string },
  origin: RequestOrigin,
  now = new Date(),
): Promise<RestoreEmailOutcome> {
  const [user, change] = await Promise.all([
    findUserById(input.userId),
    findEmailChangeOf(input.userId, input.changeId),
  ])
  if (!user || !change) return { ok: false, reason: 'not_found' }
  const address = change.oldEmail
  if (!restorableChanges(await listEmailChangesOf(user.id), user.email).some((one) => one.id === change.id)) {
    const message =
      address === user.email
        ? `${address} is already this account’s address: nothing to restore.`
        : `${address} was taken off this account by an earlier restore, so it is not put back. Nothing was changed.`
    return { ok: false, reason: 'conflict', message }
  }
  const restored = await changeUserEmail(
    user.id,
    address,
    { confirmedBy: 'restored_by_admin', adminId: input.adminId, reason: input.reason },
    now,
  )
  if (!restored) {
    const other = await findUserByEmail(address)
    return {
      ok: false,
      reason: 'conflict',
      message: other
        ? `Another account (${other.name}) uses ${address} now, so it cannot be put back on this one. Nothing was changed.`
        : 'The address could not be put back. Nothing was changed; reload the page and try again.',
    }
  }
  await endAllSessions(user.id)
  await recordSecurityEvent({
    userId: user.id,
    kind: 'email_restored',
    origin,
    detail: `From ${maskEmail(user.email)} back to ${maskEmail(address)}, signed out everywhere: ${input.reason}`,
    now,
    // The restored address gets its own message, saying what to do next.
    emailOwner: false,
  })
  await sendEmail(
    emailRestoredEmail(address, user.name, {
      maskedReplacedEmail: maskEmail(user.email),
      reason: input.reason,
      at: now,
    }),
  )
  return { ok: true, restored: address, replaced: user.email }
}
