import { describe, expect, it } from 'vitest'
import { describeChart, formatCell, valueTicks } from '~/utils/chart-data'
import { NO_FACTS, type DayFacts } from '~/domain/analytics-facts'
import { adminCards, bucketDays, formatChange, percentChange, runningBalance } from './metrics'

const facts = (values: Partial<DayFacts>): DayFacts => ({ ...NO_FACTS, ...values })

describe('admin cards', () => {
  it('computes each figure and its change against the previous period', () => {
    const current = facts({
      revenueMinor: 1500,
      transactions: 6,
      newProjects: 3,
      pricedProjects: 2,
      projectBudgetMinor: 30_000,
      milestonesReleased: 3,
      milestonesRefunded: 1,
    })
    const previous = facts({
      revenueMinor: 1000,
      transactions: 8,
      newProjects: 3,
      pricedProjects: 1,
      projectBudgetMinor: 10_000,
    })
    const cards = Object.fromEntries(adminCards(current, previous, { current: 4, previous: 2 }).map((c) => [c.id, c]))
    expect(cards.revenue).toMatchObject({ value: 1500, previous: 1000, change: 50 })
    expect(cards.activeUsers).toMatchObject({ value: 4, change: 100 })
    expect(cards.newProjects).toMatchObject({ value: 3, change: 0 })
    expect(cards.transactions).toMatchObject({ value: 6, change: -25 })
    expect(cards.averageProjectValue).toMatchObject({ value: 15_000, previous: 10_000, change: 50 })
    // 3 released of 4 settled; nothing settled before, so no change to show.
    expect(cards.completionRate).toMatchObject({ value: 75, previous: null, change: null })
  })

  it('an empty period shows "—", never NaN or infinity', () => {
    const cards = adminCards(NO_FACTS, NO_FACTS, { current: 0, previous: 0 })
    for (const card of cards) expect(formatChange(card.change)).toBe('—')
    expect(percentChange(5, 0)).toBeNull()
    expect(formatChange(12.345)).toBe('+12.3%')
    expect(formatChange(-3)).toBe('−3.0%')
    expect(formatChange(0)).toBe('±0.0%')
  })
})

describe('buckets and balances', () => {
  it('sums days into the bucket that holds them', () => {
    const day = (start: number, revenueMinor: number) => ({
      day: String(start),
      start,
      end: start + 1,
      facts: facts({ revenueMinor }),
    })
    const buckets = [
      { label: 'a', start: 0, end: 2 },
      { label: 'b', start: 2, end: 4 },
    ]
    expect(bucketDays([day(0, 1), day(1, 2), day(2, 4), day(3, 8)], buckets).map((f) => f.revenueMinor)).toEqual([
      3, 12,
    ])
  })

  it('escrow is the opening balance plus each bucket’s net movement', () => {
    expect(runningBalance(100, [10, -20, 5])).toEqual([110, 90, 95])
  })
})

describe('chart helpers', () => {
  it('rounds the axis to four even steps', () => {
    expect(valueTicks(1234)).toEqual([0, 500, 1000, 1500, 2000])
    expect(valueTicks(0)).toEqual([0, 1])
  })

  it('steps a small count by whole numbers, never "0.3 proposals"', () => {
    expect(valueTicks(1, { kind: 'count' })).toEqual([0, 1])
    expect(valueTicks(3, { kind: 'count' })).toEqual([0, 1, 2, 3])
    // Up to 6 a count steps by one: a 1–5 rating (4.5 on average) ends at 5, not 8.
    expect(valueTicks(4.5, { kind: 'count' })).toEqual([0, 1, 2, 3, 4, 5])
    expect(valueTicks(6, { kind: 'count' })).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(valueTicks(9, { kind: 'count' })).toEqual([0, 3, 6, 9, 12])
    expect(valueTicks(90, { kind: 'count' })).toEqual([0, 25, 50, 75, 100])
    expect(valueTicks(9)).toEqual([0, 2.5, 5, 7.5, 10])
    expect(valueTicks(1, { kind: 'money', currency: 'USD' })).toEqual([0, 0.25, 0.5, 0.75, 1])
  })

  it('summarises a chart in words', () => {
    const text = describeChart(
      'Revenue',
      'line',
      { labels: ['1 Nov', '2 Nov'], series: [{ name: 'Revenue', values: [100, 250] }] },
      { kind: 'money', currency: 'USD' },
    )
    expect(text).toBe(
      'Line chart of Revenue, 2 points from 1 Nov to 2 Nov. Revenue: total $3.50, highest $2.50 (2 Nov).',
    )
    // A new account's year of nothing: no "highest $0 (1 Nov)", and no $0.01 on the axis.
    expect(
      describeChart(
        'Earnings',
        'bar',
        { labels: ['1 Nov', '2 Nov'], series: [{ name: 'Earned', values: [0, 0] }] },
        { kind: 'money', currency: 'USD' },
      ),
    ).toBe('Bar chart of Earnings, 2 points from 1 Nov to 2 Nov. Earned: $0 throughout.')
    expect(valueTicks(0, { kind: 'money', currency: 'USD' })).toEqual([0, 100])
    expect(describeChart('Revenue', 'line', { labels: [], series: [] }, { kind: 'count' })).toBe(
      'Revenue: no data for this period.',
    )
  })

  it('leaves a gap where a bucket has no value: no zero, no total of averages', () => {
    const rating = { labels: ['Oct', 'Nov', 'Dec'], series: [{ name: 'Rating (1–5)', values: [4.5, null, 5] }] }
    expect(describeChart('Average rating received', 'line', rating, { kind: 'count' })).toBe(
      'Line chart of Average rating received, 3 points from Oct to Dec. Rating (1–5): highest 5 (Dec).',
    )
    expect(formatCell(null, { kind: 'count' })).toBe('—')
    expect(formatCell(4.5, { kind: 'count' })).toBe('4.5')
    const none = { labels: ['Oct'], series: [{ name: 'Rating (1–5)', values: [null] }] }
    expect(describeChart('Average rating received', 'line', none, { kind: 'count' })).toBe(
      'Line chart of Average rating received, 1 point from Oct. Rating (1–5): no values.',
    )
  })
})
