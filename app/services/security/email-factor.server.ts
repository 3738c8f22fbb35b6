import { turnEmailFactorOff, turnEmailFactorOn } from '~/models/email-factors.server'
import type { RequestOrigin } from './context'
import { emailOneTimeCode } from './email-codes.server'
import { recordSecurityEvent } from './events.server'
import { redeemOneTimeCode } from './one-time-codes.server'
import { countCodeSend } from './throttle.server'

/** Emails a code that proves the address receives mail before email codes are switched on. */
export async function startEmailFactor(userId: string, origin: RequestOrigin): Promise<void> {
  await countCodeSend({ userId, ip: origin.ip })
  await emailOneTimeCode(userId, 'enable_email')
}

export async function confirmEmailFactor(userId: string, code: string, origin: RequestOrigin): Promise<boolean> {
  const redeemed = await redeemOneTimeCode({ userId, channel: 'email', purpose: 'enable_email' }, code)
  if (!redeemed.ok) return false
  await turnEmailFactorOn(userId, new Date())
  await recordSecurityEvent({ userId, kind: 'second_factor_added', origin, detail: 'Email codes' })
  return true
}

export async function stopEmailFactor(userId: string, origin: RequestOrigin): Promise<void> {
  if (await turnEmailFactorOff(userId)) {
    await recordSecurityEvent({ userId, kind: 'second_factor_removed', origin, detail: 'Email codes' })
  }
}
