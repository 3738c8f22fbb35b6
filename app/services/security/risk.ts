import { DAY_MS, HOUR_MS } from '~/domain/durations'
/**
 * The sign-in risk score: named factors, each worth published points, summed and capped at 100.
 * Low (< 40) signs in; medium (40–79) asks for a second factor; high (≥ 80) refuses.
 */
export type RiskFactor = { name: string; points: number; detail: string }
export type RiskLevel = 'low' | 'medium' | 'high'
type Place = { latitude: number; longitude: number; country: string; city: string }

export type RiskSignals = {
  now: Date
  knownDevice: boolean
  place: Place | null
  knownCountries: string[]
  previous: (Place & { at: Date }) | null
  ipBlocklisted: boolean
  accountFailuresLastHour: number
  ipFailuresLastHour: number
  accountCreatedAt: Date
}

const RISK_POINTS = {
  newDevice: 20,
  newCountry: 20,
  impossibleTravel: 45,
  blocklistedIp: 100,
  accountFailures: { some: 15, many: 30 },
  ipFailures: { some: 20, many: 35 },
  newAccount: 10,
} as const
const MEDIUM_FROM = 40
const HIGH_FROM = 80
/** Faster than an airliner between two sign-ins is taken as two different people. */
const IMPOSSIBLE_SPEED_KMH = 1000
/** Below this distance, city-level GeoIP noise is not travel. */
const MIN_TRAVEL_KM = 300

export function distanceKm(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const rad = (deg: number) => (deg * Math.PI) / 180
  const dLat = rad(b.latitude - a.latitude)
  const dLon = rad(b.longitude - a.longitude)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2
  return 2 * 6371 * Math.asin(Math.sqrt(h))
}

function placeName(place: Place): string {
  return place.city ? `${place.city} (${place.country})` : place.country
}

function travelFactor(signals: RiskSignals): RiskFactor | null {
  const { previous, place, now } = signals
  if (!previous || !place) return null
  const km = distanceKm(previous, place)
  if (km < MIN_TRAVEL_KM) return null
  const hours = Math.max((now.getTime() - previous.at.getTime()) / HOUR_MS, 1 / 60)
  const speed = km / hours
  if (speed <= IMPOSSIBLE_SPEED_KMH) return null
  return {
    name: 'impossible_travel',
    points: RISK_POINTS.impossibleTravel,
    detail: `${Math.round(km)} km from ${placeName(previous)} in ${Math.round(hours * 60)} min (${Math.round(speed)} km/h)`,
  }
}

export function scoreSignInRisk(signals: RiskSignals): { score: number; level: RiskLevel; factors: RiskFactor[] } {
  const factors: RiskFactor[] = []
  if (signals.ipBlocklisted)
    factors.push({ name: 'blocklisted_ip', points: RISK_POINTS.blocklistedIp, detail: 'IP is in a blocked range' })
  if (!signals.knownDevice)
    factors.push({ name: 'new_device', points: RISK_POINTS.newDevice, detail: 'First sign-in from this browser' })
  const { place, knownCountries } = signals
  if (place && knownCountries.length > 0 && !knownCountries.includes(place.country)) {
    factors.push({ name: 'new_country', points: RISK_POINTS.newCountry, detail: `First sign-in from ${place.country}` })
  }
  const travel = travelFactor(signals)
  if (travel) factors.push(travel)
  const accountFailures = signals.accountFailuresLastHour
  if (accountFailures >= 3) {
    const points = accountFailures >= 10 ? RISK_POINTS.accountFailures.many : RISK_POINTS.accountFailures.some
    factors.push({
      name: 'account_failures',
      points,
      detail: `${accountFailures} failed sign-ins on this account in the last hour`,
    })
  }
  const ipFailures = signals.ipFailuresLastHour
  if (ipFailures >= 20) {
    const points = ipFailures >= 50 ? RISK_POINTS.ipFailures.many : RISK_POINTS.ipFailures.some
    factors.push({ name: 'ip_failures', points, detail: `${ipFailures} failed sign-ins from this IP in the last hour` })
  }
  if (signals.now.getTime() - signals.accountCreatedAt.getTime() < DAY_MS) {
    factors.push({ name: 'new_account', points: RISK_POINTS.newAccount, detail: 'Account is less than a day old' })
  }
  const score = Math.min(
    100,
    factors.reduce((sum, factor) => sum + factor.points, 0),
  )
  const level: RiskLevel = score >= HIGH_FROM ? 'high' : score >= MEDIUM_FROM ? 'medium' : 'low'
  return { score, level, factors }
}
