import crypto from 'node:crypto'
import { markAssessmentCompleted } from '~/models/sign-in-assessments.server'
import { findLivePendingSignIn, insertPendingSignIn, takePendingSignIn } from '~/models/pending-sign-ins.server'
import { findKnownDevice, rememberDevice } from '~/models/known-devices.server'
import { findUserByEmail, findUserById, type SessionUser } from '~/models/users.server'
import { SignInRefused } from '~/services/accounts/accounts.server'
import { startSession } from '~/services/accounts/sessions.server'
import { signedCookie } from '~/utils/signed-cookie.server'
import { originOf, type RequestOrigin } from './context'
import { readOrCreateDeviceId } from './device-cookie.server'
import { recordSecurityEvent, recordSecurityEventFirst } from './events.server'
import { logger } from '~/utils/logger.server'
import { isOutsideAllowlist } from './ip-rules.server'
import { assessSignInRisk } from './risk.server'
import { availableMethodsOf, hasSecondFactor, sendSecondFactorCode } from './second-factor.server'
import { passAttempt, takeAttempt } from './throttle.server'
import { MINUTE_MS } from '~/domain/durations'
import { hashToken } from '~/utils/hash-token.server'
import { screenAccount } from '~/services/fraud/screening.server'
import { ALLOWLIST_WAY_BACK } from '~/domain/allowlist-way-back'

const PENDING_MINUTES = 10

const getPendingCookie = signedCookie('__sign_in', PENDING_MINUTES * 60)

type Headers = [string, string][]
export type SignInStep =
  | { kind: 'signed-in'; user: SessionUser; redirectTo: string | null; headers: Headers }
  | { kind: 'second-factor'; headers: Headers; codeSentBy: string | null }
  /** `blocked`: an administrator blocked the account (the page then says how to contest it). */
  | { kind: 'refused'; reason: 'invalid' | 'forbidden'; message: string; headers: Headers; blocked?: boolean }

/** The device cookie (created when missing) and who is asking. */
export async function signInOrigin(request: Request, clientIp: string | null) {
  const { deviceId, setCookie } = await readOrCreateDeviceId(request)
  const origin = { ...originOf(request, clientIp, deviceId), platformHint: request.headers.get('sec-ch-ua-platform') }
  return { origin, headers: (setCookie ? [['Set-Cookie', setCookie]] : []) as Headers }
}

/** Account keys for the back-off are the typed email, so unknown emails are slowed the same way. */
export const accountKey = (email: string) => `email:${email.trim().toLowerCase()}`

/**
 * The sign-in back-off's account key. A browser the account has signed in on before (its signed
 * device cookie) counts its own failures: otherwise anyone who knows an email could keep its owner
 * out for good, with five wrong passwords and then one more each time the lock ends (up to 15
 * minutes each). Elsewhere the key is the typed email; the IP's count holds for every browser.
 */
async function signInThrottleKey(email: string, deviceId: string | null): Promise<string> {
  const key = accountKey(email)
  if (!deviceId) return key
  const account = await findUserByEmail(email)
  return account && (await findKnownDevice(account.id, deviceId)) ? `${key}:device:${deviceId}` : key
}

/**
 * Step one: the password. Refuses blocked accounts, blocklisted networks, IPs outside the
 * account's allowlist and high-risk sign-ins; sends the rest to the second-factor challenge when the account
 * has a factor or the risk is medium; otherwise signs in. Throws Throttled after too many failures.
 */
export async function signInWithPassword(
  request: Request,
  clientIp: string | null,
  input: { email: string; redirectTo: string | null },
  checkPassword: () => Promise<SessionUser>,
  now = new Date(),
): Promise<SignInStep> {
  const { origin, headers } = await signInOrigin(request, clientIp)
  const throttleSubject = { userId: await signInThrottleKey(input.email, origin.deviceId), ip: origin.ip }
  // Counted before the hash is checked, so that passwords sent at once cannot all be tried.
  const { lockStarted } = await takeAttempt('sign-in', throttleSubject, now)
  let verified: SessionUser
  try {
    verified = await checkPassword()
  } catch (error) {
    if (!(error instanceof SignInRefused)) throw error
    const account = await findUserByEmail(input.email)
    // A blocked account's password was right: it gives its attempt back.
    if (error.reason === 'blocked') await passAttempt('sign-in', throttleSubject)
    if (error.reason === 'credentials') {
      await recordSecurityEvent({
        userId: account?.id ?? null,
        kind: 'sign_in_failed',
        origin,
        detail: 'Wrong email or password',
        now,
      })
      // The owner's alert is not waited for: an answer slower for a registered address would say it is one.
      if (lockStarted) {
        const { emailSent } = await recordSecurityEventFirst({
          userId: account?.id ?? null,
          kind: 'throttled',
          origin,
          detail: 'Sign-in',
          now,
        })
        emailSent.catch((failure: unknown) => logger.error({ err: failure }, 'sending a sign-in lock alert failed'))
      }
    }
    return {
      kind: 'refused',
      reason: error.reason === 'blocked' ? 'forbidden' : 'invalid',
      message: error.message,
      headers,
      blocked: error.reason === 'blocked',
    }
  }
  // A sign-in on a known browser forgets its own failures, not the count strangers ran up.
  await passAttempt('sign-in', throttleSubject)
  const user = (await findUserById(verified.id))!
  if (await isOutsideAllowlist(user.id, origin.ip)) {
    await recordSecurityEvent({
      userId: user.id,
      kind: 'allowlist_refused',
      origin,
      detail: `IP ${origin.ip ?? 'unknown'}`,
      now,
    })
    return {
      kind: 'refused',
      reason: 'forbidden',
      message: `This account only allows sign-in from its own networks (IP allowlist), and this is not one of them. ${ALLOWLIST_WAY_BACK}`,
      headers,
    }
  }
  // Admins hold the keys to everyone's accounts: they always pass a second factor.
  const secondStepRequired = user.role === 'admin' || (await hasSecondFactor(user.id))
  const assessment = await assessSignInRisk(user, origin, secondStepRequired, now)
  if (assessment.outcome === 'refused') {
    const blocklisted = assessment.factors.some((factor) => factor.name === 'blocklisted_ip')
    await recordSecurityEvent({
      userId: user.id,
      kind: blocklisted ? 'blocklist_refused' : 'risk_refused',
      origin,
      detail: `Risk score ${assessment.score}`,
      assessmentId: assessment.id,
      now,
    })
    return {
      kind: 'refused',
      reason: 'forbidden',
      message: blocklisted
        ? 'Sign-in from this network is blocked. If you think this is a mistake, contact us from the help centre.'
        : 'We stopped this sign-in because it looks unusual for your account. Try again from a device you have used before, or contact us from the help centre.',
      headers,
    }
  }
  if (assessment.outcome === 'second_factor') {
    const token = crypto.randomBytes(32).toString('base64url')
    const pendingId = hashToken(token)
    await insertPendingSignIn({
      id: pendingId,
      userId: user.id,
      assessmentId: assessment.id,
      redirectTo: input.redirectTo,
      expiresAt: new Date(now.getTime() + PENDING_MINUTES * MINUTE_MS),
      createdAt: now,
    })
    // The first method offered is chosen by default: when it sends codes, send one now.
    const [first] = await availableMethodsOf(user.id)
    const sent = first?.sendsCode
      ? await sendSecondFactorCode(user.id, first.method, origin, pendingId).catch(() => false)
      : false
    return {
      kind: 'second-factor',
      codeSentBy: sent ? first!.method : null,
      headers: [...headers, ['Set-Cookie', await getPendingCookie().serialize(token)]],
    }
  }
  const cookie = await finishSignIn(user, request, origin, { assessmentId: assessment.id, secondFactorAt: null }, now)
  return {
    kind: 'signed-in',
    user: verified,
    redirectTo: input.redirectTo,
    headers: [...headers, ['Set-Cookie', cookie]],
  }
}

/** Opens the session, remembers the device (emailing the owner when it is new) and logs it. */
async function finishSignIn(
  user: { id: string },
  request: Request,
  origin: RequestOrigin,
  how: { assessmentId: string | null; secondFactorAt: Date | null; signUp?: boolean },
  now: Date,
): Promise<string> {
  const cookie = await startSession(user.id, request, origin.ip, {
    deviceId: origin.deviceId,
    secondFactorAt: how.secondFactorAt,
    startedAtSignUp: how.signUp ?? false,
  })
  if (how.assessmentId) await markAssessmentCompleted(how.assessmentId, now)
  const isNew = origin.deviceId ? await rememberDevice(user.id, origin.deviceId, origin.userAgent, now) : false
  await recordSecurityEvent({ userId: user.id, kind: 'sign_in_succeeded', origin, assessmentId: how.assessmentId, now })
  if (isNew)
    await recordSecurityEvent({ userId: user.id, kind: 'new_device', origin, assessmentId: how.assessmentId, now })
  await screenAccount(user.id, now)
  return cookie
}

export type PendingSignInView = {
  userId: string
  redirectTo: string | null
  pendingId: string
  assessmentId: string | null
}

/** The sign-in waiting for its second-factor challenge in this browser, or null when there is none or it expired. */
export async function readPendingSignIn(request: Request, now = new Date()): Promise<PendingSignInView | null> {
  const token: unknown = await getPendingCookie().parse(request.headers.get('cookie'))
  if (typeof token !== 'string' || !token) return null
  const pending = await findLivePendingSignIn(hashToken(token), now)
  if (!pending) return null
  return {
    userId: pending.userId,
    redirectTo: pending.redirectTo,
    pendingId: pending.id,
    assessmentId: pending.assessmentId,
  }
}

/**
 * After the second factor passed: ends the pending step (once) and opens the session. A factor
 * added in the last day signs in, but does not count as the session's step-up.
 */
export async function completePendingSignIn(
  pending: PendingSignInView,
  request: Request,
  { origin, headers }: Awaited<ReturnType<typeof signInOrigin>>,
  passed: { factorEstablished: boolean },
  now = new Date(),
): Promise<{ user: SessionUser; headers: Headers } | null> {
  if (!(await takePendingSignIn(pending.pendingId))) return null
  const user = await findUserById(pending.userId)
  if (!user || user.blockedAt) return null
  const cookie = await finishSignIn(
    user,
    request,
    origin,
    { assessmentId: pending.assessmentId, secondFactorAt: passed.factorEstablished ? now : null },
    now,
  )
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    headers: [
      ...headers,
      ['Set-Cookie', cookie],
      ['Set-Cookie', await getPendingCookie().serialize('', { maxAge: 0 })],
    ],
  }
}

/** Signs in an account that was just created (its email code proved the address). */
export async function signInNewAccount(
  user: { id: string },
  request: Request,
  clientIp: string | null,
  now = new Date(),
): Promise<Headers> {
  const { origin, headers } = await signInOrigin(request, clientIp)
  const how = { assessmentId: null, secondFactorAt: null, signUp: true }
  const cookie = await finishSignIn(user, request, origin, how, now)
  return [...headers, ['Set-Cookie', cookie]]
}
