import {
  blockUser,
  findUserByEmail,
  findUserById,
  unblockUser,
  updatePasswordHash,
  type SessionUser,
} from '~/models/users.server'
import { listContractsOf } from '~/models/contracts.server'
import { sendEmail } from '~/services/email/mailer.server'
import { notify } from '~/services/notifications/notify.server'
import { accountBlockedEmail, accountUnblockedEmail, passwordChangedEmail } from '~/services/email/templates'
import { recordSecurityEvent } from '~/services/security/events.server'
import { removeFromAllCalls } from '~/services/video/call-removals.server'
import { passwordProblem } from './password-policy.server'
import { hashPassword, verifyPassword } from './passwords.server'
import { countActiveSessionsOf, endAllSessions, endAllSessionsOfBlocked } from './sessions.server'
import { blockedAccountMessage } from '~/domain/blocked-account'

export type SignUpInput = { role: 'client' | 'freelancer'; name: string; email: string; password: string }

export class SignInRefused extends Error {
  constructor(
    message: string,
    readonly reason: 'credentials' | 'blocked',
  ) {
    super(message)
  }
}

// Verifying against a real hash when the email is unknown keeps the timing the same.
let decoyHash: Promise<string> | undefined

/** Checks email and password; throws SignInRefused with a message for the person signing in. */
export async function verifyCredentials(email: string, password: string): Promise<SessionUser> {
  const user = await findUserByEmail(email)
  decoyHash ??= hashPassword('decoy password for unknown accounts')
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), password)
  if (!user || !valid) throw new SignInRefused('The email or password is not right.', 'credentials')
  if (user.blockedAt) {
    throw new SignInRefused(blockedAccountMessage(user.blockedReason), 'blocked')
  }
  return { id: user.id, email: user.email, name: user.name, role: user.role }
}

/**
 * Sets a new password, signs out every other session of the user and logs it. Unused reset codes
 * and sign-ins waiting for their second factor end with the old password (updatePasswordHash).
 */
export async function setPassword(
  userId: string,
  password: string,
  how: { keepSessionId?: string; byReset?: boolean } = {},
): Promise<void> {
  const user = await findUserById(userId)
  if (!user) throw new Error(`No user ${userId}`)
  await updatePasswordHash(userId, await hashPassword(password))
  await endAllSessions(userId, how.keepSessionId)
  await sendEmail(passwordChangedEmail(user.email, user.name))
  await recordSecurityEvent({ userId, kind: how.byReset ? 'password_reset' : 'password_changed', origin: null })
}

/**
 * A new password for a signed-in session whose holder just re-entered the current one
 * (security/password-confirm.server.ts changePasswordOnSession checks it, under its back-off).
 */
export async function replacePassword(
  userId: string,
  input: { newPassword: string },
  sessionId: string,
): Promise<{ ok: true } | { ok: false; field: 'newPassword'; message: string }> {
  const user = await findUserById(userId)
  if (!user) throw new Error(`No user ${userId}`)
  const problem = passwordProblem(input.newPassword, user)
  if (problem) return { ok: false, field: 'newPassword', message: problem }
  await setPassword(userId, input.newPassword, { keepSessionId: sessionId })
  return { ok: true }
}

/**
 * Blocks the user, ends all their sessions (their live message streams close with them), takes
 * them out of any call they are in, and tells them why.
 */
export async function blockAccount(userId: string, reason: string): Promise<boolean> {
  const user = await findUserById(userId)
  if (!user || user.role === 'admin') return false
  await blockUser(userId, reason)
  // Expired, not deleted: a browser that comes back with one is told it was blocked, and why.
  await endAllSessionsOfBlocked(userId)
  await removeFromAllCalls(userId)
  await recordSecurityEvent({ userId, kind: 'account_blocked', origin: null, detail: reason })
  await sendEmail(accountBlockedEmail(user.email, user.name, reason))
  await tellContractPartners(user.id, user.name)
  return true
}

/** The other side of each live contract learns the work stopped (not why) and where to read what they can do. */
async function tellContractPartners(userId: string, name: string): Promise<void> {
  for (const contract of await listContractsOf(userId)) {
    if (contract.status !== 'active') continue
    await notify({
      userId: contract.clientId === userId ? contract.freelancerId : contract.clientId,
      kind: 'contract_update',
      title: `${name}’s account is suspended: “${contract.title}” is on hold`,
      body: 'They cannot sign in or work on the contract for now. The contract page says what you can do meanwhile.',
      link: `/contracts/${contract.id}`,
    })
  }
}

/** An administrator signs the user out of every browser (for example after a suspected takeover). */
export async function endSessionsByAdmin(userId: string): Promise<number> {
  const ended = await countActiveSessionsOf(userId)
  await endAllSessions(userId)
  await recordSecurityEvent({
    userId,
    kind: 'session_revoked',
    origin: null,
    detail: 'Every session, by an administrator',
  })
  return ended
}

export async function unblockAccount(userId: string): Promise<boolean> {
  const user = await findUserById(userId)
  if (!user?.blockedAt) return false
  await unblockUser(userId)
  await sendEmail(accountUnblockedEmail(user.email, user.name))
  return true
}
