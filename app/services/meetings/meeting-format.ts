import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import type { MeetingRecurrence } from '~/domain/enums'

/** "Tue 8 Dec 2026, 09:00" as the clock reads in `timeZone`. */
export function formatInZone(date: Date | number, timeZone: string): string {
  return format(new TZDate(new Date(date).getTime(), timeZone), 'EEE d MMM yyyy, HH:mm')
}

/** "Tuesday 8 December" in `timeZone`: the heading a day's slots are grouped under. */
export function dayInZone(date: Date | number, timeZone: string): string {
  return format(new TZDate(new Date(date).getTime(), timeZone), 'EEEE d MMMM')
}

/** "09:00" in `timeZone`. */
export function timeInZone(date: Date | number, timeZone: string): string {
  return format(new TZDate(new Date(date).getTime(), timeZone), 'HH:mm')
}

export function describeRecurrence(recurrence: MeetingRecurrence, occurrences: number | null): string {
  if (recurrence === 'none') return 'Once'
  return `${recurrence === 'weekly' ? 'Every week' : 'Every two weeks'}, ${occurrences ?? 1} times`
}
