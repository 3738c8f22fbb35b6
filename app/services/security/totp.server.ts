import { generateSecret, generateURI, verifySync } from 'otplib'
import QRCode from 'qrcode'
import {
  acceptTotpTimeStep,
  deleteTotpFactor,
  deleteUnconfirmedTotp,
  findTotpFactor,
  replaceUnconfirmedTotp,
} from '~/models/totp-factors.server'
import { seal, unseal } from '~/utils/seal.server'
import type { RequestOrigin } from './context'
import { recordSecurityEvent } from './events.server'
import type { ConfirmFactorSetup, SecondFactorProvider } from './second-factor-provider'

const ISSUER = 'MegiLance'
const LABEL = 'Authenticator app'

/** The code's time step when it is right for now (±1 step) and later than the last one accepted. */
function matchTotpCode(secret: string, code: string, lastTimeStep: number | null, now: Date): number | null {
  const token = code.replace(/\s+/g, '')
  if (!/^\d{6}$/.test(token)) return null // otplib throws on malformed tokens
  const result = verifySync({
    secret,
    token,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(lastTimeStep === null ? {} : { afterTimeStep: lastTimeStep }),
  })
  return result.valid && 'timeStep' in result ? result.timeStep : null
}

/** "ABCD EFGH …": easier to type into an app by hand. */
function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret
}

export type TotpState =
  | { state: 'off' }
  | { state: 'pending'; secret: string; groupedSecret: string; qrSvg: string }
  | { state: 'on'; since: Date }

/** What the authenticator page shows: nothing yet, a set-up in progress (QR + secret), or on. */
export async function totpStateOf(user: { id: string; email: string }): Promise<TotpState> {
  const factor = await findTotpFactor(user.id)
  if (factor?.confirmedAt) return { state: 'on', since: factor.confirmedAt }
  const secret = factor ? unseal(factor.secretSealed) : null
  if (!secret) return { state: 'off' }
  const uri = generateURI({ issuer: ISSUER, label: user.email, secret })
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 2, width: 200, errorCorrectionLevel: 'M' })
  return { state: 'pending', secret, groupedSecret: groupSecret(secret), qrSvg }
}

/** A new secret for set-up; an unfinished set-up is replaced. False when an app is already on. */
export async function startTotpSetup(userId: string, now = new Date()): Promise<boolean> {
  return replaceUnconfirmedTotp(userId, seal(generateSecret()), now)
}

/** Turns the app on once the user proves it shows the right codes. */
export const confirmTotpSetup: ConfirmFactorSetup = async (userId, code, origin, now = new Date()) => {
  const factor = await findTotpFactor(userId)
  const secret = factor && !factor.confirmedAt ? unseal(factor.secretSealed) : null
  if (!secret) return false
  const timeStep = matchTotpCode(secret, code, null, now)
  if (timeStep === null || !(await acceptTotpTimeStep(userId, timeStep, now))) return false
  await recordSecurityEvent({ userId, kind: 'second_factor_added', origin, detail: LABEL, now })
  return true
}

/** Checks a code at sign-in or step-up; each time step is accepted once. */
export async function verifyTotpCode(userId: string, code: string, now = new Date()): Promise<boolean> {
  const factor = await findTotpFactor(userId)
  const secret = factor?.confirmedAt ? unseal(factor.secretSealed) : null
  if (!factor || !secret) return false
  const timeStep = matchTotpCode(secret, code, factor.lastTimeStep, now)
  return timeStep !== null && acceptTotpTimeStep(userId, timeStep)
}

export async function cancelTotpSetup(userId: string): Promise<boolean> {
  return deleteUnconfirmedTotp(userId)
}

export async function turnTotpOff(userId: string, origin: RequestOrigin, now = new Date()): Promise<boolean> {
  const factor = await findTotpFactor(userId)
  if (!(await deleteTotpFactor(userId))) return false
  if (factor?.confirmedAt)
    await recordSecurityEvent({ userId, kind: 'second_factor_removed', origin, detail: LABEL, now })
  return true
}

export const totpMethod: SecondFactorProvider = {
  method: 'totp',
  label: LABEL,
  needsJavaScript: false,
  async isEnabledFor(userId) {
    return Boolean((await findTotpFactor(userId))?.confirmedAt)
  },
  verify: (userId, answer, now) => verifyTotpCode(userId, answer.code, now),
  async addedAt(userId) {
    return (await findTotpFactor(userId))?.confirmedAt ?? null
  },
}
