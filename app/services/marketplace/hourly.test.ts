import { describe, expect, it } from 'vitest'
import {
  amountForMinutes,
  changeWeeklyLimit,
  minutesLeft,
  weekSoFarText,
  weeklyLimitFor,
  checkWeeklyLimit,
  checkWorkDate,
  earliestWorkDay,
  invoiceReviewDueAt,
  isWeekOver,
  parseDuration,
  weekStartOf,
} from './hourly'

describe('weeks', () => {
  it('start on Monday (UTC)', () => {
    expect(weekStartOf('2026-11-23')).toBe('2026-11-23') // a Monday
    expect(weekStartOf('2026-11-29')).toBe('2026-11-23') // the Sunday after
    expect(weekStartOf('2026-11-22')).toBe('2026-11-16')
    expect(weekStartOf('2027-01-01')).toBe('2026-12-28') // across a year
  })

  it('can be invoiced from the Monday after', () => {
    expect(isWeekOver('2026-11-16', new Date('2026-11-22T23:59:59Z'))).toBe(false)
    expect(isWeekOver('2026-11-16', new Date('2026-11-23T00:00:00Z'))).toBe(true)
  })
})

describe('logging time', () => {
  const now = new Date('2026-11-25T12:00:00Z')
  it('takes today and the 6 days before, nothing in the future', () => {
    expect(checkWorkDate('2026-11-25', now)).toBeNull()
    expect(checkWorkDate('2026-11-19', now)).toBeNull()
    expect(checkWorkDate('2026-11-18', now)).toMatch(/last 7 days/)
    expect(checkWorkDate('2026-11-26', now)).toMatch(/not happened/)
    expect(checkWorkDate('2026-02-30', now)).toMatch(/date/)
  })

  it('refuses days before the contract started, saying from when', () => {
    const started = new Date('2026-11-23T15:40:00Z')
    expect(checkWorkDate('2026-11-23', now, started)).toBeNull()
    expect(checkWorkDate('2026-11-22', now, started)).toBe(
      'The contract started on 23 Nov 2026; time can be logged from that day on.',
    )
    expect(earliestWorkDay(now, started)).toBe('2026-11-23')
    expect(earliestWorkDay(now, new Date('2026-01-05T00:00:00Z'))).toBe('2026-11-19')
  })

  it('reads durations people type', () => {
    expect(parseDuration('1:30')).toBe(90)
    expect(parseDuration('1.5')).toBe(90)
    expect(parseDuration('2h')).toBe(120)
    expect(parseDuration('45m')).toBe(45)
    expect(parseDuration('2h 15m')).toBe(135)
    expect(parseDuration('0.25')).toBe(15)
    expect(parseDuration('abc')).toBeNull()
    expect(parseDuration('1:75')).toBeNull()
  })

  it('keeps the week within the weekly limit', () => {
    expect(checkWeeklyLimit(0, 600, null)).toBeNull()
    expect(checkWeeklyLimit(9 * 60, 60, 10)).toBeNull()
    expect(checkWeeklyLimit(9 * 60, 61, 10)).toBe('This contract allows 10 h a week; 1 h is left this week.')
  })
})

describe('invoices', () => {
  it('bill minutes at the rate, rounding half a minor unit up', () => {
    expect(amountForMinutes(90, 4000)).toBe(6000)
    expect(amountForMinutes(1, 4000)).toBe(67) // 66.67
    expect(amountForMinutes(1, 3000)).toBe(50) // exactly 50
    expect(amountForMinutes(1, 90)).toBe(2) // 1.5 rounds up
  })

  it('are due for review 5 days after they are sent', () => {
    expect(invoiceReviewDueAt(new Date('2026-11-23T00:00:00Z')).toISOString()).toBe('2026-11-28T00:00:00.000Z')
  })
})

describe('weekly limit changes', () => {
  const base = { weeklyLimitHours: 20, nextWeeklyLimitHours: null, nextWeeklyLimitFrom: null }
  it('apply from the Monday after the change; the running week keeps its limit', () => {
    const changed = changeWeeklyLimit(base, 10, new Date('2026-11-25T12:00:00Z'))
    expect(changed).toEqual({ weeklyLimitHours: 20, nextWeeklyLimitHours: 10, nextWeeklyLimitFrom: '2026-11-30' })
    expect(weeklyLimitFor(changed, '2026-11-23')).toBe(20)
    expect(weeklyLimitFor(changed, '2026-11-30')).toBe(10)
    expect(weeklyLimitFor(changed, '2026-12-07')).toBe(10)
  })
  it('fold an earlier change that has taken effect into the current limit', () => {
    const first = changeWeeklyLimit(base, 10, new Date('2026-11-25T12:00:00Z'))
    const second = changeWeeklyLimit(first, 30, new Date('2026-12-02T12:00:00Z'))
    expect(second).toEqual({ weeklyLimitHours: 10, nextWeeklyLimitHours: 30, nextWeeklyLimitFrom: '2026-12-07' })
    expect(minutesLeft(10, 9 * 60 + 30)).toBe(30)
    expect(minutesLeft(null, 600)).toBeNull()
  })
  it('say the week so far against the limit, and a week with nothing logged plainly', () => {
    expect(weekSoFarText(18 * 60, 20)).toBe('18 h logged of 20 h; 2 h left.')
    expect(weekSoFarText(0, 20)).toBe('nothing logged yet; the limit is 20 h.')
    expect(weekSoFarText(90, null)).toBe('1 h 30 min logged; no limit is set.')
    expect(weekSoFarText(0, null)).toBe('nothing logged yet; no limit is set.')
  })
})
