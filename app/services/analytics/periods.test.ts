import { describe, expect, it } from 'vitest'
import { bucketsFor, resolvePeriod } from './periods'

const iso = (ms: number) => new Date(ms).toISOString()

describe('resolvePeriod', () => {
  it('the last 7 days end now, start at midnight six days ago, and compare with the 7 days before', () => {
    const period = resolvePeriod({ range: '7d' }, new Date('2026-11-03T10:00:00Z'), 'UTC')
    expect(iso(period.start)).toBe('2026-10-28T00:00:00.000Z')
    expect(iso(period.end)).toBe('2026-11-03T10:00:00.000Z')
    expect(period.days!.map((d) => d.day)).toEqual([
      '2026-10-28',
      '2026-10-29',
      '2026-10-30',
      '2026-10-31',
      '2026-11-01',
      '2026-11-02',
      '2026-11-03',
    ])
    expect(period.previousDays!.map((d) => d.day)[0]).toBe('2026-10-21')
    expect(iso(period.previousEnd)).toBe('2026-10-28T00:00:00.000Z')
    expect(period.bucket).toBe('day')
    expect(period.buckets).toHaveLength(7)
    expect(period.label).toBe('28 Oct 2026 – 3 Nov 2026')
  })

  it('a custom range across a month boundary is whole days, in daily buckets', () => {
    const period = resolvePeriod(
      { range: 'custom', from: '2026-01-25', to: '2026-02-05' },
      new Date('2026-06-01T00:00:00Z'),
      'UTC',
    )
    expect(period.days).toHaveLength(12)
    expect(iso(period.start)).toBe('2026-01-25T00:00:00.000Z')
    expect(iso(period.end)).toBe('2026-02-06T00:00:00.000Z')
    expect(period.buckets.map((b) => b.label).slice(6, 8)).toEqual(['31 Jan', '1 Feb'])
    expect(period.previousDays!.map((d) => d.day)).toEqual([
      '2026-01-13',
      '2026-01-14',
      '2026-01-15',
      '2026-01-16',
      '2026-01-17',
      '2026-01-18',
      '2026-01-19',
      '2026-01-20',
      '2026-01-21',
      '2026-01-22',
      '2026-01-23',
      '2026-01-24',
    ])
  })

  it('days follow a non-UTC platform zone, including the 25-hour day when summer time ends', () => {
    // 03:00 UTC on 3 Nov is 22:00 on 2 Nov in New York (EST since 1 Nov 2026).
    const period = resolvePeriod({ range: '7d' }, new Date('2026-11-03T03:00:00Z'), 'America/New_York')
    const days = period.days!
    expect(days[0]!.day).toBe('2026-10-27')
    expect(iso(days[0]!.start)).toBe('2026-10-27T04:00:00.000Z')
    const fallBack = days.find((d) => d.day === '2026-11-01')!
    expect(iso(fallBack.start)).toBe('2026-11-01T04:00:00.000Z')
    expect(iso(fallBack.end)).toBe('2026-11-02T05:00:00.000Z')
    expect(days[days.length - 1]!.day).toBe('2026-11-02')
  })

  it('the last 24 hours are hourly and compared with the 24 hours before', () => {
    const period = resolvePeriod({ range: '24h' }, new Date('2026-11-03T10:30:00Z'), 'UTC')
    expect(period.days).toBeNull()
    expect(period.buckets).toHaveLength(24)
    expect(iso(period.previousStart)).toBe('2026-11-01T10:30:00.000Z')
  })

  it('a custom range ending in the future stops today', () => {
    const period = resolvePeriod(
      { range: 'custom', from: '2026-11-01', to: '2027-01-01' },
      new Date('2026-11-03T10:00:00Z'),
      'UTC',
    )
    expect(period.to).toBe('2026-11-03')
    expect(period.days).toHaveLength(3)
  })

  it('picks weeks for a quarter and months for a year', () => {
    expect(resolvePeriod({ range: '90d' }, new Date('2026-11-03T10:00:00Z'), 'UTC').bucket).toBe('week')
    const year = resolvePeriod({ range: '1y' }, new Date('2026-11-03T10:00:00Z'), 'UTC')
    expect(year.bucket).toBe('month')
    expect(year.buckets[0]!.label).toBe('Nov 2025')
    expect(year.buckets).toHaveLength(13)
  })
})

describe('bucketsFor', () => {
  it('weeks start on Monday; the first is clipped to the range and named by its first day', () => {
    const start = Date.parse('2026-01-01T00:00:00Z') // a Thursday
    const buckets = bucketsFor('week', start, Date.parse('2026-01-19T00:00:00Z'), 'UTC')
    expect(buckets.map((b) => b.label)).toEqual(['w/c 1 Jan', 'w/c 5 Jan', 'w/c 12 Jan'])
    expect(iso(buckets[0]!.end)).toBe('2026-01-05T00:00:00.000Z')
  })
})
