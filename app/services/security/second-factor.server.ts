import type { SecondFactorMethod } from '~/models/schema'
import type { RequestOrigin } from './context'
import { backupCodeMethod } from './backup-codes.server'
import { emailCodeMethod } from './email-codes.server'
import { recordSecurityEvent } from './events.server'
import type { SecondFactorAnswer, SecondFactorProvider } from './second-factor-provider'
import { smsMethod } from './sms-codes.server'
import { assertNotThrottled, clearThrottle, countCodeSend, recordThrottledAttempt } from './throttle.server'
import { totpMethod } from './totp.server'
import { passkeyMethod, securityKeyMethod } from './webauthn.server'

/** Every method, in the order the second step offers them: app and phone first, backup codes last. */
const PROVIDERS: SecondFactorProvider[] = [totpMethod, smsMethod, emailCodeMethod, passkeyMethod, securityKeyMethod, backupCodeMethod]

export type AvailableMethod = Pick<SecondFactorProvider, 'method' | 'label' | 'needsJavaScript'> & {
  hint: string
  sendsCode: boolean
}

function providerFor(method: string): SecondFactorProvider | undefined {
  return PROVIDERS.find((provider) => provider.method === method)
}

/** The methods this user has turned on. */
export async function enabledMethodsOf(userId: string): Promise<SecondFactorMethod[]> {
  const enabled: SecondFactorMethod[] = []
  for (const provider of PROVIDERS) if (await provider.isEnabledFor(userId)) enabled.push(provider.method)
  return enabled
}

export async function hasSecondFactor(userId: string): Promise<boolean> {
  return (await enabledMethodsOf(userId)).length > 0
}

/**
 * The methods the second step offers: the user's own, or — for an account with none, when the
 * risk check or a sensitive change asks for one — a code to the account's email.
 */
async function offeredProvidersOf(userId: string): Promise<SecondFactorProvider[]> {
  const enabled = await enabledMethodsOf(userId)
  return (enabled.length ? enabled : ['email']).map((method) => providerFor(method)!)
}

/** The offered methods as the page shows them, with hints such as where a code goes. */
export async function availableMethodsOf(userId: string): Promise<AvailableMethod[]> {
  return Promise.all(
    (await offeredProvidersOf(userId)).map(async (provider) => ({
      method: provider.method,
      label: provider.label,
      needsJavaScript: provider.needsJavaScript,
      sendsCode: Boolean(provider.send),
      hint: (await provider.hint?.(userId)) ?? '',
    })),
  )
}

async function availableProvider(userId: string, method: string): Promise<SecondFactorProvider | undefined> {
  return (await offeredProvidersOf(userId)).find((provider) => provider.method === method)
}

/** Whatever the page needs before the user answers (WebAuthn options), or null. */
export async function prepareSecondFactor(userId: string, method: string): Promise<unknown> {
  const provider = await availableProvider(userId, method)
  return (await provider?.prepare?.(userId)) ?? null
}

/** Sends a code by email or SMS; sending is rate-limited per account and per IP (throws Throttled). */
export async function sendSecondFactorCode(userId: string, method: string, origin: RequestOrigin, binding: string): Promise<boolean> {
  const provider = await availableProvider(userId, method)
  if (!provider?.send) return false
  await countCodeSend({ userId, ip: origin.ip })
  await provider.send(userId, binding)
  return true
}

export type SecondFactorResult = { ok: true; method: SecondFactorMethod } | { ok: false; message: string }

/**
 * Checks an answer with the chosen method. Wrong answers count toward the back-off per account
 * and per IP (throws Throttled once it applies); every result goes to the security log.
 */
export async function verifySecondFactor(
  userId: string,
  method: string,
  answer: SecondFactorAnswer,
  origin: RequestOrigin,
  binding: string,
  now = new Date(),
): Promise<SecondFactorResult> {
  const provider = await availableProvider(userId, method)
  if (!provider) return { ok: false, message: 'Choose one of the methods listed.' }
  const subject = { userId, ip: origin.ip }
  await assertNotThrottled('second-factor', subject, now)
  if (await provider.verify(userId, answer, now, binding)) {
    // Proven: forget the wrong answers, and the codes sent on the way here.
    await clearThrottle('second-factor', userId)
    await clearThrottle('code-send', userId)
    await recordSecurityEvent({ userId, kind: 'second_factor_passed', origin, detail: provider.label, now })
    return { ok: true, method: provider.method }
  }
  const lockStarted = await recordThrottledAttempt('second-factor', subject, now)
  await recordSecurityEvent({ userId, kind: 'second_factor_failed', origin, detail: provider.label, now })
  if (lockStarted) await recordSecurityEvent({ userId, kind: 'throttled', origin, detail: 'Second factor', now })
  return {
    ok: false,
    message: provider.needsJavaScript
      ? 'That did not work. Try again, or choose another method.'
      : 'That code is not right, or it has expired. Check it, or ask for a new one.',
  }
}
