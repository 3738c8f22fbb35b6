import { describe, expect, it } from 'vitest'
import { intersectIntervals, mergeIntervals } from './intervals'
import { availabilityIntervals, freeSlots, type WeeklyAvailability } from './slots'

const weekdays = (startMinute: number, endMinute: number) =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute, endMinute }))

const NEW_YORK_DAY: WeeklyAvailability = { timeZone: 'America/New_York', windows: weekdays(9 * 60, 17 * 60) }
const KARACHI_EVENING: WeeklyAvailability = { timeZone: 'Asia/Karachi', windows: weekdays(18 * 60, 22 * 60) }
const ALWAYS_UTC: WeeklyAvailability = {
  timeZone: 'UTC',
  windows: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 0, endMinute: 24 * 60 })),
}
const iso = (dates: Date[]) => dates.map((date) => date.toISOString())

/** The free slots of `minutes` from `from` to `to` (ISO times) for `people`, around the `busy` intervals. */
const slotsBetween = (
  from: string,
  to: string,
  minutes: number,
  people: Parameters<typeof freeSlots>[0]['people'],
  busy: Array<{ start: number; end: number }> = [],
) => freeSlots({ people, busy, from: new Date(from), to: new Date(to), durationMinutes: minutes })

describe('free slots', () => {
  it('are where two people in different time zones overlap', () => {
    // Monday 7 Dec 2026: New York 09:00–17:00 EST is 14:00–22:00 UTC; Karachi 18:00–22:00 PKT is 13:00–17:00 UTC.
    const slots = slotsBetween('2026-12-07T00:00:00Z', '2026-12-08T00:00:00Z', 30, [NEW_YORK_DAY, KARACHI_EVENING])
    expect(iso(slots)).toEqual([
      '2026-12-07T14:00:00.000Z',
      '2026-12-07T14:30:00.000Z',
      '2026-12-07T15:00:00.000Z',
      '2026-12-07T15:30:00.000Z',
      '2026-12-07T16:00:00.000Z',
      '2026-12-07T16:30:00.000Z',
    ])
  })

  it('leave out times that overlap a meeting either person already has, and fit the whole duration', () => {
    const slots = slotsBetween(
      '2026-12-07T00:00:00Z',
      '2026-12-08T00:00:00Z',
      60,
      [NEW_YORK_DAY, KARACHI_EVENING],
      [{ start: Date.parse('2026-12-07T15:00:00Z'), end: Date.parse('2026-12-07T15:30:00Z') }],
    )
    // 14:30 and 15:00 would run into the meeting; 16:30 would run past the overlap.
    expect(iso(slots)).toEqual(['2026-12-07T14:00:00.000Z', '2026-12-07T15:30:00.000Z', '2026-12-07T16:00:00.000Z'])
  })

  it('keep local hours across a daylight-saving change', () => {
    // New York moves to EDT on Sunday 8 March 2026: 09:00 is 14:00 UTC on Friday, 13:00 UTC on Monday.
    const nineToTen: WeeklyAvailability = { timeZone: 'America/New_York', windows: weekdays(9 * 60, 10 * 60) }
    const slots = slotsBetween('2026-03-06T00:00:00Z', '2026-03-10T00:00:00Z', 60, [nineToTen, ALWAYS_UTC])
    expect(iso(slots)).toEqual(['2026-03-06T14:00:00.000Z', '2026-03-09T13:00:00.000Z'])
  })

  it('count a window over the spring-forward gap as the hours that exist', () => {
    // 01:00–04:00 on 8 March 2026 in New York: 02:00–03:00 never happens, so two hours, 06:00–08:00 UTC.
    const night: WeeklyAvailability = {
      timeZone: 'America/New_York',
      windows: [{ weekday: 0, startMinute: 60, endMinute: 240 }],
    }
    const spans = availabilityIntervals(night, new Date('2026-03-07T00:00:00Z'), new Date('2026-03-09T00:00:00Z'))
    expect(spans.map((span) => [new Date(span.start).toISOString(), new Date(span.end).toISOString()])).toEqual([
      ['2026-03-08T06:00:00.000Z', '2026-03-08T08:00:00.000Z'],
    ])
    const slots = slotsBetween('2026-03-07T00:00:00Z', '2026-03-09T00:00:00Z', 30, [night, ALWAYS_UTC])
    expect(slots).toHaveLength(4)
  })

  it('are none when the hours do not overlap', () => {
    const morning: WeeklyAvailability = { timeZone: 'America/New_York', windows: weekdays(6 * 60, 7 * 60) }
    expect(slotsBetween('2026-12-07T00:00:00Z', '2026-12-14T00:00:00Z', 30, [morning, KARACHI_EVENING])).toEqual([])
  })
})

describe('intervals', () => {
  it('merge touching spans and intersect two lists', () => {
    expect(
      mergeIntervals([
        { start: 5, end: 8 },
        { start: 0, end: 2 },
        { start: 2, end: 4 },
      ]),
    ).toEqual([
      { start: 0, end: 4 },
      { start: 5, end: 8 },
    ])
    expect(
      intersectIntervals(
        [{ start: 0, end: 10 }],
        [
          { start: 2, end: 3 },
          { start: 8, end: 12 },
        ],
      ),
    ).toEqual([
      { start: 2, end: 3 },
      { start: 8, end: 10 },
    ])
  })
})
