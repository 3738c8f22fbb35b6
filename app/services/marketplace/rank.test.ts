import { describe, expect, it } from 'vitest'
import { NEWCOMER_RECORD } from '~/models/rank.server'
import { activityShare, computeRank, RANK_FACTORS, smoothedRating, smoothedShare, type RankInputs } from './rank'

const NOW = new Date('2026-06-01T12:00:00Z')
const DAY = 86_400_000

const newcomer: RankInputs = { ...NEWCOMER_RECORD, profilePercent: 0 }

function factor(inputs: RankInputs, key: string) {
  const found = computeRank(inputs, NOW).factors.find((f) => f.key === key)
  if (!found) throw new Error(key)
  return found
}

describe('rank formula', () => {
  it('publishes weights that add up to 100', () => {
    expect(RANK_FACTORS.reduce((sum, f) => sum + f.weight, 0)).toBe(100)
    expect(new Set(RANK_FACTORS.map((f) => f.key)).size).toBe(RANK_FACTORS.length)
  })

  it('gives a newcomer the smoothed starting values and nothing for profile or activity', () => {
    const result = computeRank(newcomer, NOW)
    // rating 4.0 → 0.75 × 35 = 26.25; job success 0.8 × 30 = 24; on time 0.8 × 15 = 12.
    expect(result.factors.map((f) => f.points)).toEqual([26.3, 24, 12, 0, 0])
    expect(result.score).toBe(62)
    expect(factor(newcomer, 'rating').value).toBe('No visible reviews yet (starting value 4.00)')
  })

  it('smooths the rating: one 5-star review moves it only a little, many move it a lot', () => {
    expect(smoothedRating(1, 5)).toBeCloseTo(25 / 6)
    expect(smoothedRating(95, 5)).toBeCloseTo((20 + 475) / 100)
    expect(smoothedRating(5, 1)).toBeCloseTo(2.5)
    const one = factor({ ...newcomer, reviewCount: 1, averageRating: 5 }, 'rating')
    expect(one.value).toBe('5.0 stars from 1 review (smoothed 4.17)')
    expect(one.points).toBeCloseTo(27.7, 1)
  })

  it('counts paid contracts and subtracts lost disputes for job success', () => {
    expect(smoothedShare(8, 8)).toBeCloseTo((8 + 1.6) / 10)
    const withDispute = factor({ ...newcomer, endedContracts: 4, paidContracts: 4, disputesLost: 1 }, 'jobSuccess')
    expect(withDispute.share).toBeCloseTo((3 + 1.6) / 6)
    expect(withDispute.value).toBe('4 of 4 ended contracts paid US$5 or more, 1 disputes lost (smoothed 77%)')
    // Never below zero, never above one.
    expect(smoothedShare(-10, 1)).toBe(0)
    expect(smoothedShare(50, 1)).toBe(1)
  })

  it('rewards milestones delivered by their due day', () => {
    const late = factor({ ...newcomer, milestonesDue: 10, milestonesOnTime: 2 }, 'onTime')
    const onTime = factor({ ...newcomer, milestonesDue: 10, milestonesOnTime: 10 }, 'onTime')
    expect(late.points).toBeLessThan(onTime.points)
    expect(onTime.value).toBe('10 of 10 milestones on time (smoothed 97%)')
  })

  it('fades activity between 30 and 180 days', () => {
    expect(activityShare(null, NOW)).toBe(0)
    expect(activityShare(new Date(NOW.getTime() - 10 * DAY), NOW)).toBe(1)
    expect(activityShare(new Date(NOW.getTime() - 105 * DAY), NOW)).toBeCloseTo(0.5)
    expect(activityShare(new Date(NOW.getTime() - 400 * DAY), NOW)).toBe(0)
    expect(factor({ ...newcomer, lastActiveAt: NOW }, 'activity').value).toBe('Active today')
  })

  it('gives a complete, active, proven freelancer close to 100', () => {
    const result = computeRank(
      {
        reviewCount: 40,
        averageRating: 5,
        endedContracts: 40,
        paidContracts: 40,
        disputesLost: 0,
        milestonesDue: 60,
        milestonesOnTime: 60,
        profilePercent: 100,
        lastActiveAt: NOW,
      },
      NOW,
    )
    expect(result.score).toBeGreaterThanOrEqual(95)
    expect(result.score).toBeLessThanOrEqual(100)
    expect(result.factors.reduce((sum, f) => sum + f.points, 0)).toBeCloseTo(result.score, 0)
  })
})
