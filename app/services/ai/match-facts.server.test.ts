import { describe, expect, it } from 'vitest'
import type { FreelancerMatchProfile, FreelancerRecord } from '~/domain/freelancer-facts'
import { toFacts, type ProjectSide } from './match-facts.server'

const NOW = new Date('2026-06-01T12:00:00Z')
const PROJECT: ProjectSide = {
  skills: ['React'],
  experienceLevel: 'intermediate',
  budgetType: 'fixed',
  budgetMinMinor: 10_000,
  budgetMaxMinor: 50_000,
  currency: 'USD',
  clientTimeZone: 'Europe/Berlin',
}
const FREELANCER: FreelancerMatchProfile = {
  experienceLevel: 'intermediate',
  hourlyRateMinor: 4_000,
  currency: 'USD',
  availability: 'full_time',
  timeZone: 'Europe/London',
  languages: ['English'],
  skills: ['React'],
}
const RECORD: FreelancerRecord = {
  reviewCount: 0,
  averageRating: null,
  endedContracts: 0,
  paidContracts: 0,
  disputesLost: 0,
  milestonesDue: 0,
  milestonesOnTime: 0,
  lastActiveAt: null,
}
const facts = (client: string | null, freelancer: string | null) =>
  toFacts({ ...PROJECT, clientTimeZone: client }, { ...FREELANCER, timeZone: freelancer }, RECORD, NOW)

describe('the time-zone facts of a match', () => {
  it('gives the overlap when both sides have a time zone', () => {
    // Berlin is UTC+2 and London UTC+1 in June: 7 hours of the working days overlap.
    expect(facts('Europe/Berlin', 'Europe/London')).toMatchObject({ overlapHours: 7 })
    expect(facts('Europe/Berlin', 'Europe/London').unsetTimeZone).toBeUndefined()
  })

  it('says whose time zone is missing (an unknown name counts as missing) when there is no overlap', () => {
    expect(facts('Europe/Berlin', null)).toMatchObject({ overlapHours: null, unsetTimeZone: 'freelancer' })
    expect(facts(null, 'Europe/London')).toMatchObject({ overlapHours: null, unsetTimeZone: 'client' })
    expect(facts('Not/AZone', null)).toMatchObject({ overlapHours: null, unsetTimeZone: 'both' })
  })
})
