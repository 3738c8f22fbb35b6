import { describe, expect, it } from 'vitest'
import {
  byMatch,
  isRecommendable,
  MATCH_FACTORS,
  matchShares,
  pickTop,
  scoreMatch,
  workdayOverlapHours,
  type Match,
  type MatchFacts,
} from './matching'

const NOW = new Date('2026-06-01T12:00:00Z')
const BASE: MatchFacts = {
  skillMatches: [1, 1],
  projectLevel: 'intermediate',
  freelancerLevel: 'intermediate',
  budgetType: 'hourly',
  budgetMinMinor: 3000,
  budgetMaxMinor: 6000,
  hourlyRateMinor: 5000,
  reviewCount: 10,
  averageRating: 5,
  endedContracts: 10,
  paidContracts: 10,
  disputesLost: 0,
  milestonesDue: 10,
  milestonesOnTime: 10,
  availability: 'full_time',
  overlapHours: 8,
  freelancerLanguages: ['English'],
  lastActiveAt: new Date('2026-05-30T12:00:00Z'),
}
const share = (change: Partial<MatchFacts>, key: keyof ReturnType<typeof matchShares>) =>
  matchShares({ ...BASE, ...change }, NOW)[key]

describe('matching factors', () => {
  it('publishes ten factors whose weights add up to 100', () => {
    expect(MATCH_FACTORS).toHaveLength(10)
    expect(MATCH_FACTORS.reduce((sum, f) => sum + f.weight, 0)).toBe(100)
  })
  it('skills: mean similarity, counting the skills held and the similar ones', () => {
    expect(share({ skillMatches: [1, 0.6, 0, 1] }, 'skills')).toEqual({
      share: 0.65,
      words: '2 of 4 skills, 1 similar',
    })
    expect(share({ skillMatches: [1] }, 'skills').words).toBe('1 of 1 skill')
    expect(share({ skillMatches: [0.6] }, 'skills').words).toBe('0 of 1 skill, 1 similar')
    expect(share({ skillMatches: [0, 0] }, 'skills')).toEqual({ share: 0, words: '0 of 2 skills' })
  })
  it('level: same, one apart, two apart', () => {
    expect(share({}, 'level').share).toBe(1)
    expect(share({ freelancerLevel: 'expert' }, 'level').share).toBe(0.5)
    expect(share({ projectLevel: 'entry', freelancerLevel: 'expert' }, 'level').share).toBe(0)
  })
  it('rate: within the range, over it, fixed price, no rate', () => {
    expect(share({}, 'rate')).toEqual({ share: 1, words: 'rate within budget' })
    expect(share({ hourlyRateMinor: 9000 }, 'rate').share).toBe(0.5)
    expect(share({ budgetType: 'fixed' }, 'rate').share).toBe(0.5)
    expect(share({ hourlyRateMinor: null }, 'rate').share).toBe(0.5)
  })
  it('job success, rating and on time start from neutral values, not zero', () => {
    const fresh = {
      endedContracts: 0,
      paidContracts: 0,
      reviewCount: 0,
      averageRating: null,
      milestonesDue: 0,
      milestonesOnTime: 0,
    }
    expect(share(fresh, 'jobSuccess').share).toBeCloseTo(0.8)
    expect(share(fresh, 'rating').share).toBeCloseTo(0.75)
    expect(share(fresh, 'onTime').share).toBeCloseTo(0.8)
    expect(share({ paidContracts: 5 }, 'jobSuccess').share).toBeLessThan(share({}, 'jobSuccess').share)
  })
  it('availability, time zone, languages and activity', () => {
    expect(share({ availability: 'part_time' }, 'availability').share).toBe(0.6)
    expect(share({ overlapHours: 6 }, 'timeZone')).toEqual({ share: 0.75, words: '6 h overlap' })
    expect(share({ overlapHours: null }, 'timeZone').share).toBe(0.5)
    // Without an overlap to tell, the breakdown says whose time zone is missing, never a placeholder.
    expect(share({ overlapHours: null, unsetTimeZone: 'freelancer' }, 'timeZone').words).toBe(
      'the freelancer has not set a time zone, so half',
    )
    expect(share({ overlapHours: null, unsetTimeZone: 'client' }, 'timeZone').words).toBe(
      'the client has not set a time zone, so half',
    )
    expect(share({ overlapHours: null, unsetTimeZone: 'both' }, 'timeZone').words).toBe(
      'neither side has set a time zone, so half',
    )
    expect(share({ freelancerLanguages: ['Urdu'] }, 'languages').share).toBe(0)
    expect(share({ freelancerLanguages: [] }, 'languages').share).toBe(0.5)
    expect(share({ lastActiveAt: null }, 'activity').share).toBe(0)
    expect(share({ lastActiveAt: new Date('2026-01-01T00:00:00Z') }, 'activity').share).toBe(0)
  })
  it('working days overlap by the hours their offsets allow', () => {
    expect(workdayOverlapHours(0, 0)).toBe(8)
    expect(workdayOverlapHours(1, 3)).toBe(6)
    expect(workdayOverlapHours(-5, 5)).toBe(0)
  })
  it('scores out of 100 with a summary in words', () => {
    const match = scoreMatch({ ...BASE, overlapHours: 6, skillMatches: [1, 1, 1, 1, 1, 1, 1, 0] }, NOW)
    expect(match.summary).toBe('7 of 8 skills · rate within budget · 6 h overlap')
    expect(match.score).toBeGreaterThan(80)
    expect(match.score).toBeLessThanOrEqual(100)
  })
  it('leaves the time zone out of the summary when there is no overlap to tell', () => {
    const match = scoreMatch({ ...BASE, overlapHours: null, unsetTimeZone: 'client' }, NOW)
    expect(match.summary).toBe('2 of 2 skills · rate within budget')
    expect(match.summary).not.toMatch(/time zone/)
  })
})

describe('cold-start rule', () => {
  const entry = (score: number, newcomer: boolean, skills = 1) =>
    ({ match: { score, newcomer, summary: '', factors: [{ key: 'skills', share: skills }] } }) as unknown as {
      match: Match
    }
  it('keeps the tenth place for the best newcomer with half the skills when none made the list', () => {
    const veterans = Array.from({ length: 12 }, (_, i) => entry(90 - i, false))
    const newcomerWeak = entry(50, true, 0.3)
    const newcomer = entry(40, true, 0.6)
    const top = pickTop([...veterans, newcomerWeak, newcomer], 10)
    expect(top).toHaveLength(10)
    expect(top[9]).toBe(newcomer)
  })
  it('never recommends someone with no skill match, however well the rest scores', () => {
    const strong = entry(95, false, 0)
    const weak = Array.from({ length: 3 }, (_, i) => entry(40 - i, false, 0.3))
    const top = pickTop([strong, ...weak], 10)
    expect(top).toEqual(weak)
    expect(isRecommendable(strong.match)).toBe(false)
    expect(isRecommendable(weak[0]!.match)).toBe(true)
  })
  it('changes nothing when a newcomer is already in the top ten', () => {
    const list = [entry(99, true), ...Array.from({ length: 12 }, (_, i) => entry(90 - i, false))]
    expect(pickTop(list, 10).map((x) => x.match.score)).toEqual([99, 90, 89, 88, 87, 86, 85, 84, 83, 82])
  })
  it('puts the better skill match first among equal scores', () => {
    const twoOfThree = entry(76, false, 0.89)
    const threeOfFour = entry(76, false, 0.9)
    expect(pickTop([twoOfThree, threeOfFour, entry(77, false, 0.5)], 10).map((x) => x.match.factors[0]!.share)).toEqual(
      [0.5, 0.9, 0.89],
    )
    expect([twoOfThree, threeOfFour].sort(byMatch)[0]).toBe(threeOfFour)
  })
})
