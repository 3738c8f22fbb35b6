import { describe, expect, test } from 'vitest'
import { distanceKm, scoreSignInRisk, type RiskSignals } from './risk'

const now = new Date('2026-11-23T12:00:00Z')
const london = { latitude: 51.5, longitude: -0.12, country: 'GB', city: 'London' }
const seattle = { latitude: 47.6, longitude: -122.3, country: 'US', city: 'Seattle' }
const base: RiskSignals = {
  now,
  knownDevice: true,
  place: london,
  knownCountries: ['GB'],
  previous: { ...london, at: new Date(now.getTime() - 86_400_000) },
  ipBlocklisted: false,
  accountFailuresLastHour: 0,
  ipFailuresLastHour: 0,
  accountCreatedAt: new Date('2025-01-01'),
}

describe('scoreSignInRisk', () => {
  test('a usual sign-in is low with no factors', () => {
    expect(scoreSignInRisk(base)).toEqual({ score: 0, level: 'low', factors: [] })
  })

  test('a new browser alone stays low', () => {
    expect(scoreSignInRisk({ ...base, knownDevice: false })).toMatchObject({ score: 20, level: 'low' })
  })

  test('London then Seattle ten minutes later is impossible travel and asks for a second factor', () => {
    const result = scoreSignInRisk({
      ...base,
      place: seattle,
      previous: { ...london, at: new Date(now.getTime() - 600_000) },
    })
    expect(result.factors.map((f) => f.name)).toEqual(['new_country', 'impossible_travel'])
    expect(result.factors[1]!.detail).toMatch(/7\d\d\d km from London \(GB\) in 10 min/)
    expect(result).toMatchObject({ score: 65, level: 'medium' })
  })

  test('the same trip over a day is plausible: only the new country counts', () => {
    const result = scoreSignInRisk({ ...base, place: seattle })
    expect(result.factors.map((f) => f.name)).toEqual(['new_country'])
  })

  test('impossible travel from a new browser is refused', () => {
    const result = scoreSignInRisk({
      ...base,
      knownDevice: false,
      place: seattle,
      previous: { ...london, at: new Date(now.getTime() - 600_000) },
    })
    expect(result).toMatchObject({ score: 85, level: 'high' })
  })

  test('a blocklisted IP is always high', () => {
    expect(scoreSignInRisk({ ...base, ipBlocklisted: true })).toMatchObject({ score: 100, level: 'high' })
  })

  test('failed-attempt velocity and account age add up', () => {
    const result = scoreSignInRisk({
      ...base,
      accountFailuresLastHour: 10,
      ipFailuresLastHour: 20,
      accountCreatedAt: new Date(now.getTime() - 3_600_000),
    })
    expect(result.factors.map((f) => [f.name, f.points])).toEqual([
      ['account_failures', 30],
      ['ip_failures', 20],
      ['new_account', 10],
    ])
    expect(result.level).toBe('medium')
  })

  test('no known place (private network) adds no country or travel factor', () => {
    expect(scoreSignInRisk({ ...base, place: null }).factors).toEqual([])
  })
})

test('distanceKm is the great-circle distance', () => {
  expect(Math.round(distanceKm(london, seattle))).toBeGreaterThan(7600)
  expect(Math.round(distanceKm(london, seattle))).toBeLessThan(7800)
})
