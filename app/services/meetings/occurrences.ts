import { TZDate } from '@date-fns/tz'
import { addWeeks } from 'date-fns'
import type { MeetingRecurrence } from '~/domain/enums'
import { MINUTE_MS, WEEK_MS } from '~/domain/durations'
import type { Interval } from './intervals'
import { MAX_OCCURRENCES } from './meeting-options'

export type MeetingTimes = {
  startsAt: Date
  /** The organiser's time zone: a series keeps its time on this clock across daylight-saving changes. */
  timeZone: string
  durationMinutes: number
  recurrence: MeetingRecurrence
  occurrences: number | null
}

/** Weeks between occurrences of a repeating meeting. */
export const RECURRENCE_INTERVAL: Record<Exclude<MeetingRecurrence, 'none'>, number> = { weekly: 1, biweekly: 2 }

/**
 * Every start of a meeting. A series repeats on the organiser's wall clock (09:30 in New York stays
 * 09:30 there after the clocks change, so its UTC time moves by the hour), exactly as the .ics
 * (DTSTART with the organiser's TZID and VTIMEZONE, and this RRULE) tells every calendar.
 */
export function occurrenceStarts(meeting: MeetingTimes): Date[] {
  if (meeting.recurrence === 'none') return [meeting.startsAt]
  const first = new TZDate(meeting.startsAt.getTime(), meeting.timeZone)
  const weeks = RECURRENCE_INTERVAL[meeting.recurrence]
  return Array.from(
    { length: meeting.occurrences ?? 1 },
    (_, index) => new Date(addWeeks(first, index * weeks).getTime()),
  )
}

export function occurrenceIntervals(meeting: MeetingTimes): Interval[] {
  const length = meeting.durationMinutes * MINUTE_MS
  return occurrenceStarts(meeting).map((start) => ({ start: start.getTime(), end: start.getTime() + length }))
}

/** How far back a series can have started and still have occurrences to come (the most, two weeks apart). */
export const SERIES_LOOKBACK_MS = 2 * MAX_OCCURRENCES * WEEK_MS
