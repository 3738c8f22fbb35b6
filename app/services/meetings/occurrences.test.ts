import { describe, expect, it } from 'vitest'
import { parseIcs } from '~/test/ics'
import type { Meeting } from '~/models/meetings.server'
import { meetingIcs } from './ics.server'
import { occurrenceStarts } from './occurrences'

// 09:30 in New York on Friday 5 March 2027; the clocks there go forward on Sunday 14 March.
const series = {
  startsAt: new Date('2027-03-05T14:30:00.000Z'),
  timeZone: 'America/New_York',
  durationMinutes: 30,
  recurrence: 'weekly' as const,
  occurrences: 3,
}

describe('meeting occurrences', () => {
  it('keep the organiser’s wall-clock time across a daylight-saving change', () => {
    expect(occurrenceStarts(series).map((start) => start.toISOString())).toEqual([
      '2027-03-05T14:30:00.000Z',
      '2027-03-12T14:30:00.000Z',
      '2027-03-19T13:30:00.000Z',
    ])
  })

  it('are the same instants a calendar app expands from the .ics', () => {
    const meeting = {
      ...series,
      uid: 'series@megilance',
      sequence: 0,
      updatedAt: new Date(),
      title: 'Standup',
      agenda: '',
    }
    const people = {
      organizer: { name: 'Ann', email: 'ann@example.com' },
      attendee: { name: 'Bo', email: 'bo@example.com' },
    }
    const ics = parseIcs(meetingIcs(meeting as Meeting, people, 'REQUEST', 'https://megilance.test/meetings/1'))
    expect(ics.timeZone).toBe('America/New_York')
    expect(ics.starts).toEqual(occurrenceStarts(series).map((start) => start.toISOString()))
  })

  it('of a one-off meeting is its start', () => {
    expect(occurrenceStarts({ ...series, recurrence: 'none', occurrences: null })).toEqual([series.startsAt])
  })
})
