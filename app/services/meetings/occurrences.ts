import rrule from 'rrule'
import type { MeetingRecurrence } from '~/domain/enums'
import { MINUTE_MS, WEEK_MS } from '~/domain/durations'
import type { Interval } from './intervals'
import { MAX_OCCURRENCES } from './meeting-schemas'

const { RRule } = rrule

export type MeetingTimes = {
  startsAt: Date
  durationMinutes: number
  recurrence: MeetingRecurrence
  occurrences: number | null
}

/** Weeks between occurrences of a repeating meeting. */
export const RECURRENCE_INTERVAL: Record<Exclude<MeetingRecurrence, 'none'>, number> = { weekly: 1, biweekly: 2 }

/**
 * The rule of a repeating meeting, on the UTC start: every occurrence is at the same UTC time,
 * exactly as the .ics (DTSTART in UTC with this RRULE) tells every calendar.
 */
function recurrenceRule(meeting: MeetingTimes) {
  if (meeting.recurrence === 'none') return null
  return new RRule({
    freq: RRule.WEEKLY,
    interval: RECURRENCE_INTERVAL[meeting.recurrence],
    count: meeting.occurrences ?? 1,
    dtstart: meeting.startsAt,
  })
}

export function occurrenceStarts(meeting: MeetingTimes): Date[] {
  return recurrenceRule(meeting)?.all() ?? [meeting.startsAt]
}

export function occurrenceIntervals(meeting: MeetingTimes): Interval[] {
  const length = meeting.durationMinutes * MINUTE_MS
  return occurrenceStarts(meeting).map((start) => ({ start: start.getTime(), end: start.getTime() + length }))
}

/** How far back a series can have started and still have occurrences to come (the most, two weeks apart). */
export const SERIES_LOOKBACK_MS = 2 * MAX_OCCURRENCES * WEEK_MS
