import {
  deleteSmsFactor,
  deleteUnverifiedPhone,
  findSmsFactor,
  markPhoneVerified,
  replaceUnverifiedPhone,
} from '~/models/sms-factors.server'
import type { RequestOrigin } from './context'
import { recordSecurityEvent } from './events.server'
import { CODE_MINUTES, issueOneTimeCode, redeemOneTimeCode } from './one-time-codes.server'
import { formatPhoneNumber, maskPhoneNumber } from './phone-numbers'
import type { ConfirmFactorSetup, SecondFactorProvider } from './second-factor-provider'
import { sendSms, type SmsOutcome } from './sms.server'
import { assertNotThrottled, recordThrottledAttempt } from './throttle.server'

const LABEL = 'Code by text message'

export type PhoneState =
  { state: 'off' } | { state: 'pending'; phone: string } | { state: 'on'; phone: string; since: Date }

export async function phoneStateOf(userId: string): Promise<PhoneState> {
  const factor = await findSmsFactor(userId)
  if (!factor) return { state: 'off' }
  const phone = formatPhoneNumber(factor.phoneE164)
  return factor.verifiedAt ? { state: 'on', phone, since: factor.verifiedAt } : { state: 'pending', phone }
}

function codeText(code: string, purpose: 'verify_phone' | 'second_factor'): string {
  const what = purpose === 'verify_phone' ? 'phone confirmation code' : 'sign-in code'
  return `Your MegiLance ${what} is ${code}. It expires in ${CODE_MINUTES} minutes. Never share it.`
}

/**
 * Texts a code to a new number (kept as unverified until the code comes back). Sending costs money
 * and can pester a stranger, so it counts toward the code-sending limit (throws Throttled).
 */
export async function sendPhoneVerificationCode(
  userId: string,
  phoneE164: string,
  origin: RequestOrigin,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; message: string }> {
  const subject = { userId, ip: origin.ip }
  await assertNotThrottled('code-send', subject, now)
  if (!(await replaceUnverifiedPhone(userId, phoneE164, now))) {
    return { ok: false, message: 'Your account already has a phone number. Remove it first to use another one.' }
  }
  await recordThrottledAttempt('code-send', subject, now)
  const code = await issueOneTimeCode({ userId, channel: 'sms', purpose: 'verify_phone', destination: phoneE164 }, now)
  const outcome = await sendSms({ to: phoneE164, text: codeText(code, 'verify_phone') })
  if (outcome.ok) return outcome
  await deleteUnverifiedPhone(userId) // nothing to wait for: the form asks for the number again
  return { ok: false, message: 'We could not send a text message to that number. Check it, or try again later.' }
}

/** Sends a new code to the number waiting for verification. */
export async function resendPhoneVerificationCode(userId: string, origin: RequestOrigin, now = new Date()) {
  const factor = await findSmsFactor(userId)
  if (!factor || factor.verifiedAt)
    return { ok: false as const, message: 'There is no phone number waiting for a code.' }
  return sendPhoneVerificationCode(userId, factor.phoneE164, origin, now)
}

/** The code that came back proves the number: it becomes a second factor. */
export const confirmPhone: ConfirmFactorSetup = async (userId, code, origin, now = new Date()) => {
  const factor = await findSmsFactor(userId)
  if (!factor || factor.verifiedAt) return false
  const redeemed = await redeemOneTimeCode({ userId, channel: 'sms', purpose: 'verify_phone' }, code, now)
  if (!redeemed.ok || redeemed.destination !== factor.phoneE164) return false
  if (!(await markPhoneVerified(userId, factor.phoneE164, now))) return false
  await logPhoneFactor('second_factor_added', userId, factor.phoneE164, origin, now)
  return true
}

/** The security log names the number masked: "Code by text message (+44 •••• 0042)". */
async function logPhoneFactor(
  kind: 'second_factor_added' | 'second_factor_removed',
  userId: string,
  phoneE164: string,
  origin: RequestOrigin,
  now: Date,
) {
  await recordSecurityEvent({ userId, kind, origin, detail: `${LABEL} (${maskPhoneNumber(phoneE164)})`, now })
}

/** Forgets a number still waiting for its code. */
export async function cancelPhoneVerification(userId: string): Promise<boolean> {
  return deleteUnverifiedPhone(userId)
}

/** Removes the number (verified or waiting); removing a verified one is logged. */
export async function removePhone(userId: string, origin: RequestOrigin, now = new Date()): Promise<boolean> {
  const removed = await deleteSmsFactor(userId)
  if (removed?.verifiedAt) await logPhoneFactor('second_factor_removed', userId, removed.phoneE164, origin, now)
  return Boolean(removed)
}

async function verifiedPhoneOf(userId: string): Promise<string | null> {
  const factor = await findSmsFactor(userId)
  return factor?.verifiedAt ? factor.phoneE164 : null
}

/** Texts a sign-in code to the verified number, bound to one sign-in or session. */
async function textSignInCode(userId: string, boundTo: string, now = new Date()): Promise<SmsOutcome> {
  const phone = await verifiedPhoneOf(userId)
  if (!phone) return { ok: false, error: 'no verified phone' }
  const code = await issueOneTimeCode(
    { userId, channel: 'sms', purpose: 'second_factor', destination: phone, boundTo },
    now,
  )
  return sendSms({ to: phone, text: codeText(code, 'second_factor') })
}

export const smsMethod: SecondFactorProvider = {
  method: 'sms',
  label: LABEL,
  needsJavaScript: false,
  async isEnabledFor(userId) {
    return (await verifiedPhoneOf(userId)) !== null
  },
  async hint(userId) {
    const phone = await verifiedPhoneOf(userId)
    return phone ? `to ${maskPhoneNumber(phone)}` : ''
  },
  async send(userId, binding) {
    await textSignInCode(userId, binding)
  },
  async verify(userId, answer, now, binding) {
    const phone = await verifiedPhoneOf(userId)
    if (!phone) return false
    const redeemed = await redeemOneTimeCode(
      { userId, channel: 'sms', purpose: 'second_factor', boundTo: binding },
      answer.code,
      now,
    )
    return redeemed.ok && redeemed.destination === phone
  },
  async addedAt(userId) {
    return (await findSmsFactor(userId))?.verifiedAt ?? null
  },
}
