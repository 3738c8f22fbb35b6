import crypto from 'node:crypto'
import {
  takePendingSignUpTry,
  deletePendingSignUp,
  findLivePendingSignUp,
  insertPendingSignUp,
} from '~/models/pending-sign-ups.server'
import { emailExists, findUserByEmail, insertUserUnlessEmailTaken, type SessionUser } from '~/models/users.server'
import { sendEmail } from '~/services/email/mailer.server'
import { readDemoMail } from '~/services/email/demo-mailbox.server'
import { signUpCodeEmail, signUpExistingAccountEmail, welcomeEmail } from '~/services/email/templates'
import { generateSixDigitCode } from '~/services/security/one-time-codes.server'
import { takeQuota } from '~/services/security/throttle.server'
import { keyedHash, sameHash } from '~/utils/keyed-hash.server'
import { signedCookie } from '~/utils/signed-cookie.server'
import type { SignUpInput } from './accounts.server'
import { passwordProblem } from './password-policy.server'
import { hashPassword } from './passwords.server'
import { MINUTE_MS } from '~/domain/durations'
import { hashToken } from '~/utils/hash-token.server'

const CODE_MINUTES = 30
const MAX_ATTEMPTS = 5

const getSignUpCookie = signedCookie('__sign_up', CODE_MINUTES * 60)

/**
 * Step one of sign-up: the same answer whether or not the email has an account (no enumeration).
 * A new address gets a code; a registered one gets a note saying someone tried — and no code
 * can match. At most 3 such emails an hour go to one address. Returns the Set-Cookie for the
 * verify step, or a password problem.
 */
export async function startSignUp(
  input: SignUpInput,
  now = new Date(),
): Promise<{ ok: true; setCookie: string } | { ok: false; field: 'password'; message: string }> {
  const problem = passwordProblem(input.password, input)
  if (problem) return { ok: false, field: 'password', message: problem }
  const token = crypto.randomBytes(32).toString('base64url')
  const id = hashToken(token)
  const code = generateSixDigitCode()
  const existing = await findUserByEmail(input.email)
  await insertPendingSignUp({
    id,
    email: input.email,
    name: input.name,
    role: input.role,
    // Hashed either way, so both answers take the same time.
    passwordHash: await hashPassword(input.password),
    codeHash: existing ? keyedHash(crypto.randomBytes(32).toString('hex')) : keyedHash(`${id}:${code}`),
    expiresAt: new Date(now.getTime() + CODE_MINUTES * MINUTE_MS),
    createdAt: now,
  })
  // Past 3 emails an hour to one address, nothing more is sent to it, and the answer is the same.
  if (await takeQuota('sign-up-email', { email: input.email }, now)) {
    await sendEmail(
      existing
        ? signUpExistingAccountEmail(existing.email, existing.name)
        : signUpCodeEmail(input.email, input.name, code, CODE_MINUTES),
    )
  }
  return { ok: true, setCookie: await getSignUpCookie().serialize(token) }
}

export type PendingSignUpView = { id: string; email: string; startedAt: Date }

export async function readPendingSignUp(request: Request, now = new Date()): Promise<PendingSignUpView | null> {
  const token: unknown = await getSignUpCookie().parse(request.headers.get('cookie'))
  if (typeof token !== 'string' || !token) return null
  const pending = await findLivePendingSignUp(hashToken(token), now)
  return pending ? { id: pending.id, email: pending.email, startedAt: pending.createdAt } : null
}

/** On the demo (no email leaves the server): the message this sign-up sent, shown on the verify page. */
export async function readDemoSignUpEmail(pending: PendingSignUpView, now = new Date()): Promise<string | null> {
  return readDemoMail(pending.email, ['sign_up_code', 'sign_up_existing_account'], pending.startedAt, now)
}

/** Step two: the emailed code creates the account (once). Five wrong codes end the attempt. */
export async function finishSignUp(
  pendingId: string,
  code: string,
  now = new Date(),
): Promise<{ ok: true; user: SessionUser; clearCookie: string } | { ok: false; message: string }> {
  const pending = await findLivePendingSignUp(pendingId, now)
  const wrong = { ok: false as const, message: 'That code is not right, or it has expired. Check the latest email.' }
  if (!pending || !(await takePendingSignUpTry(pending.id, MAX_ATTEMPTS))) {
    return { ok: false, message: 'This sign-up has expired or had too many wrong codes. Please start again.' }
  }
  if (!sameHash(pending.codeHash, keyedHash(`${pending.id}:${code.replace(/\s+/g, '')}`))) return wrong
  if (!(await deletePendingSignUp(pending.id))) return wrong
  // The right code proves the mailbox, so saying it has an account tells its owner nothing new.
  const taken = {
    ok: false as const,
    message: 'This email address has an account already: sign in with it, or reset its password if it is forgotten.',
  }
  if (await emailExists(pending.email)) return taken
  const user = await insertUserUnlessEmailTaken({
    email: pending.email,
    name: pending.name,
    role: pending.role,
    passwordHash: pending.passwordHash,
  })
  if (!user) return taken
  await sendEmail(welcomeEmail(user.email, user.name, pending.role))
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    clearCookie: await getSignUpCookie().serialize('', { maxAge: 0 }),
  }
}
