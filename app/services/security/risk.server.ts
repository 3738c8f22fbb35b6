import crypto from 'node:crypto'
import type { RISK_OUTCOMES } from '~/models/schema'
import { findKnownDevice } from '~/models/known-devices.server'
import { countSecurityEvents } from '~/models/security-events.server'
import { findLastLocatedSignIn, insertAssessment, listSignInCountriesOf } from '~/models/sign-in-assessments.server'
import { deviceFamily } from '~/services/accounts/devices'
import type { RequestOrigin } from './context'
import { locateIp } from './geo.server'
import { blocklistEntryFor } from './ip-rules.server'
import { scoreSignInRisk, type RiskFactor, type RiskLevel } from './risk'
import { HOUR_MS } from '~/domain/durations'

type RiskOutcome = (typeof RISK_OUTCOMES)[number]

export type SignInAssessmentResult = {
  id: string
  score: number
  level: RiskLevel
  factors: RiskFactor[]
  outcome: RiskOutcome
}

async function isKnownDevice(
  userId: string,
  origin: RequestOrigin & { platformHint: string | null },
): Promise<boolean> {
  if (!origin.deviceId) return false
  const known = await findKnownDevice(userId, origin.deviceId)
  // A device cookie copied into another browser or machine is not the same device.
  return known !== undefined && deviceFamily(known.userAgent) === deviceFamily(origin.userAgent, origin.platformHint)
}

/**
 * Scores a sign-in whose password was right and stores the assessment with its factors.
 * High refuses; medium, or any account with a second factor, goes through the second-factor challenge.
 */
export async function assessSignInRisk(
  user: { id: string; createdAt: Date },
  origin: RequestOrigin & { platformHint: string | null },
  hasSecondFactor: boolean,
  now = new Date(),
): Promise<SignInAssessmentResult> {
  const id = crypto.randomUUID()
  const place = locateIp(origin.ip)
  const hourAgo = new Date(now.getTime() - HOUR_MS)
  const previous = await findLastLocatedSignIn(user.id, id)
  const { score, level, factors } = scoreSignInRisk({
    now,
    knownDevice: await isKnownDevice(user.id, origin),
    place,
    knownCountries: await listSignInCountriesOf(user.id),
    previous:
      previous?.latitude != null && previous.longitude != null && previous.completedAt
        ? {
            latitude: previous.latitude,
            longitude: previous.longitude,
            country: previous.country ?? '',
            city: previous.city ?? '',
            at: previous.completedAt,
          }
        : null,
    ipBlocklisted: (await blocklistEntryFor(origin.ip)) !== undefined,
    accountFailuresLastHour: await countSecurityEvents('sign_in_failed', { userId: user.id }, hourAgo),
    ipFailuresLastHour: origin.ip ? await countSecurityEvents('sign_in_failed', { ip: origin.ip }, hourAgo) : 0,
    accountCreatedAt: user.createdAt,
  })
  const outcome: RiskOutcome =
    level === 'high' ? 'refused' : level === 'medium' || hasSecondFactor ? 'second_factor' : 'allowed'
  await insertAssessment({
    id,
    userId: user.id,
    ip: origin.ip,
    country: place?.country ?? null,
    city: place?.city ?? null,
    latitude: place?.latitude ?? null,
    longitude: place?.longitude ?? null,
    deviceId: origin.deviceId,
    userAgent: origin.userAgent,
    score,
    level,
    factors,
    outcome,
    completedAt: null,
    createdAt: now,
  })
  return { id, score, level, factors, outcome }
}
