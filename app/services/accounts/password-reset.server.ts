import crypto from 'node:crypto'
import {
  consumePasswordReset,
  findActivePasswordReset,
  takePasswordResetTry,
  giveBackPasswordResetTry,
  replacePasswordReset,
} from '~/models/password-resets.server'
import { findUserByEmail } from '~/models/users.server'
import { sendEmail } from '~/services/email/mailer.server'
import { passwordResetEmail } from '~/services/email/templates'
import { takeQuota } from '~/services/security/throttle.server'
import { setPassword } from './accounts.server'
import { passwordProblem } from './password-policy.server'
import { MINUTE_MS } from '~/domain/durations'
import { RESET_CODE_MINUTES } from '~/domain/reset-code'
import { hashToken } from '~/utils/hash-token.server'

export const RESET_MAX_ATTEMPTS = 5

function generateResetCode(): string {
  return crypto.randomInt(0, 100_000_000).toString().padStart(8, '0')
}

/**
 * Emails a code when the account exists; says nothing either way so accounts cannot be probed.
 * At most 3 emails an hour go to one address and 10 to addresses asked from one IP; past that the
 * request is quietly dropped. Unknown addresses count too, so the quota reveals nothing either.
 *
 * Resolves once the quota is taken and the code stored; `emailSent` settles when the email has
 * been handed over. The page answers without waiting for it: an SMTP delivery takes time only a
 * registered address would spend, and that difference would tell the two apart.
 */
export async function startPasswordReset(
  email: string,
  ip: string | null = null,
  now = new Date(),
): Promise<{ emailSent: Promise<void> }> {
  const nothing = { emailSent: Promise.resolve() }
  if (!(await takeQuota('reset-email', { email, ip }, now))) return nothing
  const user = await findUserByEmail(email)
  if (!user || user.blockedAt) return nothing
  const code = generateResetCode()
  await replacePasswordReset({
    id: crypto.randomUUID(),
    userId: user.id,
    codeHash: hashToken(code),
    expiresAt: new Date(now.getTime() + RESET_CODE_MINUTES * MINUTE_MS),
    createdAt: now,
  })
  return { emailSent: sendEmail(passwordResetEmail(user.email, user.name, code, RESET_CODE_MINUTES)) }
}

/** The whole request, its email included (scripts and tests that read the email next). */
export async function requestPasswordReset(email: string, ip: string | null = null, now = new Date()): Promise<void> {
  await (
    await startPasswordReset(email, ip, now)
  ).emailSent
}

export type ResetResult = { ok: true } | { ok: false; field: 'code' | 'password'; message: string }

export async function completePasswordReset(
  input: { email: string; code: string; password: string },
  now = new Date(),
): Promise<ResetResult> {
  const invalid: ResetResult = {
    ok: false,
    field: 'code',
    message: 'This code is not valid. Check the latest email, or ask for a new code.',
  }
  const user = await findUserByEmail(input.email)
  const reset = user && !user.blockedAt ? await findActivePasswordReset(user.id) : undefined
  if (!user || !reset || reset.expiresAt <= now) return invalid
  // Every try is taken before the code is compared, in one statement (see takeCodeTry).
  if (!(await takePasswordResetTry(reset.id, RESET_MAX_ATTEMPTS))) return invalid
  const given = Buffer.from(hashToken(input.code))
  if (!crypto.timingSafeEqual(given, Buffer.from(reset.codeHash))) return invalid
  const problem = passwordProblem(input.password, user)
  if (problem) {
    // The right code: retyping a refused password should not use up the tries meant for guesses.
    await giveBackPasswordResetTry(reset.id)
    return { ok: false, field: 'password', message: problem }
  }
  if (!(await consumePasswordReset(reset.id, now))) return invalid
  await setPassword(user.id, input.password, { byReset: true })
  return { ok: true }
}
