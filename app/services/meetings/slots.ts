import { TZDate } from '@date-fns/tz'
import type { AvailabilityWindow } from '~/models/schema'
import { MINUTE_MS } from '~/domain/durations'
import { intersectIntervals, overlaps, type Interval } from './intervals'

export type WeeklyAvailability = { timeZone: string; windows: readonly AvailabilityWindow[] }

/**
 * The UTC spans a weekly availability covers between `from` and `to`. Each window is read as wall
 * clock time on its local day, so a window keeps its local hours across a daylight-saving change
 * (and a window over the spring-forward gap is an hour shorter).
 */
export function availabilityIntervals(availability: WeeklyAvailability, from: Date, to: Date): Interval[] {
  const { timeZone, windows } = availability
  const first = new TZDate(from.getTime(), timeZone)
  const days = Math.ceil((to.getTime() - from.getTime()) / (24 * 60 * MINUTE_MS)) + 2
  const spans: Interval[] = []
  // From the local day before `from` (a window may run past midnight UTC) to the day after `to`.
  for (let offset = -1; offset <= days; offset++) {
    const day = new TZDate(first.getFullYear(), first.getMonth(), first.getDate() + offset, timeZone)
    for (const window of windows) {
      if (window.weekday !== day.getDay()) continue
      const at = (minute: number) =>
        new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), 0, minute, timeZone).getTime()
      spans.push({ start: at(window.startMinute), end: at(window.endMinute) })
    }
  }
  return spans
    .map((span) => ({ start: Math.max(span.start, from.getTime()), end: Math.min(span.end, to.getTime()) }))
    .filter((span) => span.end > span.start)
}

export type SlotQuery = {
  people: readonly [WeeklyAvailability, WeeklyAvailability]
  /** Meetings either person already has (every occurrence). */
  busy: readonly Interval[]
  from: Date
  to: Date
  durationMinutes: number
  /** Slots start on multiples of this many minutes (UTC). */
  stepMinutes?: number
}

/** The starts of every meeting of the given length that fits both people's availability and neither's meetings. */
export function freeSlots(query: SlotQuery): Date[] {
  const step = (query.stepMinutes ?? 30) * MINUTE_MS
  const length = query.durationMinutes * MINUTE_MS
  const shared = intersectIntervals(
    availabilityIntervals(query.people[0], query.from, query.to),
    availabilityIntervals(query.people[1], query.from, query.to),
  )
  const slots: Date[] = []
  for (const span of shared) {
    for (let start = Math.ceil(span.start / step) * step; start + length <= span.end; start += step) {
      const meeting = { start, end: start + length }
      if (!query.busy.some((taken) => overlaps(meeting, taken))) slots.push(new Date(start))
    }
  }
  return slots
}
