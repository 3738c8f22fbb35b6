import type { SecondFactorMethod } from '~/models/schema'
import { hasAnySecondFactor } from '~/models/second-factors.server'
import type { RequestOrigin } from './context'
import { backupCodeMethod } from './backup-codes.server'
import { emailCodeMethod } from './email-codes.server'
import { recordSecurityEvent } from './events.server'
import type { SecondFactorAnswer, SecondFactorProvider } from './second-factor-provider'
import { isEstablishedFactor } from './step-up'
import { smsMethod } from './sms-codes.server'
import { assertNotThrottled, clearThrottle, countCodeSend, passAttempt, takeAttempt } from './throttle.server'
import { totpMethod } from './totp.server'
import { passkeyMethod, securityKeyMethod } from './webauthn.server'

/** Every method, in the order the challenge offers them: app and phone first, backup codes last. */
const PROVIDERS: SecondFactorProvider[] = [
  totpMethod,
  smsMethod,
  emailCodeMethod,
  passkeyMethod,
  securityKeyMethod,
  backupCodeMethod,
]

export type AvailableMethod = Pick<SecondFactorProvider, 'method' | 'label' | 'needsJavaScript'> & {
  hint: string
  sendsCode: boolean
}

function providerFor(method: string): SecondFactorProvider | undefined {
  return PROVIDERS.find((provider) => provider.method === method)
}

/**
 * Signing in accepts every factor the user has; confirming a sensitive change (step-up) only
 * factors added more than a day ago, so a factor added from a stolen session cannot confirm.
 */
export type SecondFactorPurpose = 'sign-in' | 'step-up'

async function enabledProvidersOf(userId: string): Promise<SecondFactorProvider[]> {
  const enabled: SecondFactorProvider[] = []
  for (const provider of PROVIDERS) if (await provider.isEnabledFor(userId)) enabled.push(provider)
  return enabled
}

/** The methods this user has turned on. */
export async function enabledMethodsOf(userId: string): Promise<SecondFactorMethod[]> {
  return (await enabledProvidersOf(userId)).map((provider) => provider.method)
}

async function addedAtOf(
  provider: SecondFactorProvider,
  userId: string,
  answer: SecondFactorAnswer | null,
): Promise<Date | null> {
  return (await provider.addedAt?.(userId, answer)) ?? null
}

/** Whether any method is on: one statement that asks what each provider's `isEnabledFor` does. */
export async function hasSecondFactor(userId: string): Promise<boolean> {
  return hasAnySecondFactor(userId)
}

/**
 * The methods the challenge offers: the user's own (for a step-up, those older than a day), or —
 * when there are none, as for an account without factors that the risk check or a sensitive
 * change asks — a code to the account's email, which has been theirs since sign-up.
 */
async function offeredProvidersOf(
  userId: string,
  purpose: SecondFactorPurpose,
  now: Date,
): Promise<SecondFactorProvider[]> {
  let offered = await enabledProvidersOf(userId)
  if (purpose === 'step-up') {
    const established = await Promise.all(
      offered.map(async (provider) => isEstablishedFactor(await addedAtOf(provider, userId, null), now)),
    )
    offered = offered.filter((_, index) => established[index])
  }
  return offered.length ? offered : [providerFor('email')!]
}

/** How the step-up page names a factor that cannot confirm changes yet. */
const FACTOR_NOUNS: Record<string, string> = {
  totp: 'authenticator app',
  sms: 'phone number for text codes',
  backup_code: 'backup codes',
  passkey: 'passkey',
  security_key: 'security key',
}

/**
 * The factors this account has that cannot confirm a change yet (added less than a day ago), as
 * nouns ("authenticator app"), so the step-up page says why they are not offered. A code by email
 * is left out: it is what such an account confirms with meanwhile.
 */
export async function factorsNotYetTrustedOf(userId: string, now = new Date()): Promise<string[]> {
  const enabled = (await enabledProvidersOf(userId)).filter((provider) => provider.method !== 'email')
  const established = await Promise.all(
    enabled.map(async (provider) => isEstablishedFactor(await addedAtOf(provider, userId, null), now)),
  )
  return enabled
    .filter((_, index) => !established[index])
    .map((provider) => FACTOR_NOUNS[provider.method] ?? provider.label.toLowerCase())
}

/** The offered methods as the page shows them, with hints such as where a code goes. */
export async function availableMethodsOf(
  userId: string,
  purpose: SecondFactorPurpose = 'sign-in',
  now = new Date(),
): Promise<AvailableMethod[]> {
  return Promise.all(
    (await offeredProvidersOf(userId, purpose, now)).map(async (provider) => ({
      method: provider.method,
      label: provider.label,
      needsJavaScript: provider.needsJavaScript,
      sendsCode: Boolean(provider.send),
      hint: (await provider.hint?.(userId)) ?? '',
    })),
  )
}

async function availableProvider(
  userId: string,
  method: string,
  purpose: SecondFactorPurpose,
  now = new Date(),
): Promise<SecondFactorProvider | undefined> {
  return (await offeredProvidersOf(userId, purpose, now)).find((provider) => provider.method === method)
}

/** Whatever the page needs before the user answers (WebAuthn options), or null. */
export async function prepareSecondFactor(
  userId: string,
  method: string,
  purpose: SecondFactorPurpose = 'sign-in',
): Promise<unknown> {
  const provider = await availableProvider(userId, method, purpose)
  return (await provider?.prepare?.(userId)) ?? null
}

/** Sends a code by email or SMS; sending is rate-limited per account and per IP (throws Throttled). */
export async function sendSecondFactorCode(
  userId: string,
  method: string,
  origin: RequestOrigin,
  binding: string,
  purpose: SecondFactorPurpose = 'sign-in',
): Promise<boolean> {
  const provider = await availableProvider(userId, method, purpose)
  if (!provider?.send) return false
  await countCodeSend({ userId, ip: origin.ip })
  await provider.send(userId, binding)
  return true
}

/** `established`: the factor that answered is older than a day, so the session may make sensitive changes. */
export type SecondFactorResult =
  { ok: true; method: SecondFactorMethod; established: boolean } | { ok: false; message: string }

/**
 * Checks an answer with the chosen method. Wrong answers count toward the back-off per account
 * and per IP (throws Throttled once it applies); every result goes to the security log. A step-up
 * refuses a factor added in the last day (a new passkey among old ones) before checking it.
 */
export async function verifySecondFactor(
  userId: string,
  method: string,
  answer: SecondFactorAnswer,
  origin: RequestOrigin,
  binding: string,
  purpose: SecondFactorPurpose = 'sign-in',
  now = new Date(),
): Promise<SecondFactorResult> {
  const provider = await availableProvider(userId, method, purpose, now)
  if (!provider) return { ok: false, message: 'Choose one of the methods listed.' }
  const subject = { userId, ip: origin.ip }
  await assertNotThrottled('second-factor', subject, now)
  const established = isEstablishedFactor(await addedAtOf(provider, userId, answer), now)
  if (purpose === 'step-up' && !established) {
    return {
      ok: false,
      message: `This ${provider.label.toLowerCase()} was added less than a day ago, so it cannot confirm changes yet. Use one you had before.`,
    }
  }
  // Counted before the answer is checked (a backup code's hash takes a while), so that answers
  // sent at once cannot all be tried.
  const { lockStarted } = await takeAttempt('second-factor', subject, now)
  if (await provider.verify(userId, answer, now, binding, origin)) {
    // Proven: forget the wrong answers, and the codes sent on the way here.
    await passAttempt('second-factor', subject)
    await clearThrottle('code-send', userId)
    await recordSecurityEvent({ userId, kind: 'second_factor_passed', origin, detail: provider.label, now })
    return { ok: true, method: provider.method, established }
  }
  await recordSecurityEvent({ userId, kind: 'second_factor_failed', origin, detail: provider.label, now })
  if (lockStarted) await recordSecurityEvent({ userId, kind: 'throttled', origin, detail: 'Second factor', now })
  return {
    ok: false,
    message: provider.needsJavaScript
      ? 'That did not work. Try again, or choose another method.'
      : 'That code is not right, or it has expired. Check it, or ask for a new one.',
  }
}
