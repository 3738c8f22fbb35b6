import type { AvailabilityWindow } from '~/models/schema'

/** Weekdays as the form lists them (Monday first); the numbers are JavaScript's (0 = Sunday). */
export const WEEKDAYS = [
  { weekday: 1, name: 'Monday' },
  { weekday: 2, name: 'Tuesday' },
  { weekday: 3, name: 'Wednesday' },
  { weekday: 4, name: 'Thursday' },
  { weekday: 5, name: 'Friday' },
  { weekday: 6, name: 'Saturday' },
  { weekday: 0, name: 'Sunday' },
] as const

/** Each weekday offers this many from–to rows; the form is plain HTML, so the rows are fixed. */
export const ROWS_PER_DAY = 3

/** A row as typed: "HH:MM" or empty. */
type TypedWindow = { from: string; to: string }
export type AvailabilityFormValues = { timeZone: string; days: Record<number, TypedWindow[]> }

export const fromField = (weekday: number) => `from-${weekday}`
export const toField = (weekday: number) => `to-${weekday}`

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/

function minuteOf(time: string): number {
  const [, hours, minutes] = TIME.exec(time)!
  return Number(hours) * 60 + Number(minutes)
}

function timeOf(minute: number): string {
  const clock = minute % (24 * 60)
  return `${String(Math.floor(clock / 60)).padStart(2, '0')}:${String(clock % 60).padStart(2, '0')}`
}

/** The form's rows for saved windows, padded with empty rows. */
export function formValuesOf(timeZone: string, windows: readonly AvailabilityWindow[]): AvailabilityFormValues {
  const days: Record<number, TypedWindow[]> = {}
  for (const { weekday } of WEEKDAYS) {
    const rows = windows
      .filter((window) => window.weekday === weekday)
      .sort((a, b) => a.startMinute - b.startMinute)
      .map((window) => ({ from: timeOf(window.startMinute), to: timeOf(window.endMinute) }))
    while (rows.length < ROWS_PER_DAY) rows.push({ from: '', to: '' })
    days[weekday] = rows
  }
  return { timeZone, days }
}

const text = (value: FormDataEntryValue | null | undefined) => (typeof value === 'string' ? value.trim() : '')

/** What was typed, row by row, so a refused form comes back as it was sent. */
export function typedAvailability(formData: FormData): AvailabilityFormValues {
  const days: Record<number, TypedWindow[]> = {}
  for (const { weekday } of WEEKDAYS) {
    const froms = formData.getAll(fromField(weekday)).slice(0, ROWS_PER_DAY)
    const tos = formData.getAll(toField(weekday)).slice(0, ROWS_PER_DAY)
    days[weekday] = Array.from({ length: ROWS_PER_DAY }, (_, row) => ({ from: text(froms[row]), to: text(tos[row]) }))
  }
  return { timeZone: text(formData.get('timeZone')), days }
}

export type AvailabilityErrors = { timeZone?: string; days: Record<number, string> }

/**
 * The windows the rows mean, or what is wrong per weekday. "00:00" as an end is midnight at the
 * end of the day; a row left empty is ignored; windows of one day may not overlap.
 */
export function parseAvailability(
  values: AvailabilityFormValues,
  isTimeZone: (name: string) => boolean,
): { ok: true; timeZone: string; windows: AvailabilityWindow[] } | { ok: false; errors: AvailabilityErrors } {
  const errors: AvailabilityErrors = { days: {} }
  if (!values.timeZone || !isTimeZone(values.timeZone)) errors.timeZone = 'Choose your time zone from the list'
  const windows: AvailabilityWindow[] = []
  for (const { weekday, name } of WEEKDAYS) {
    const day: AvailabilityWindow[] = []
    for (const row of values.days[weekday] ?? []) {
      if (!row.from && !row.to) continue
      if (!TIME.test(row.from) || !TIME.test(row.to)) {
        errors.days[weekday] = `${name}: give both a from and a to time (HH:MM)`
        break
      }
      const startMinute = minuteOf(row.from)
      const endMinute = row.to === '00:00' ? 24 * 60 : minuteOf(row.to)
      if (endMinute <= startMinute) {
        errors.days[weekday] = `${name}: ${row.from}–${row.to} ends before it starts`
        break
      }
      day.push({ weekday, startMinute, endMinute })
    }
    day.sort((a, b) => a.startMinute - b.startMinute)
    if (
      !errors.days[weekday] &&
      day.some((window, index) => index > 0 && window.startMinute < day[index - 1]!.endMinute)
    )
      errors.days[weekday] = `${name}: the times overlap; join them into one`
    windows.push(...day)
  }
  if (errors.timeZone || Object.keys(errors.days).length) return { ok: false, errors }
  return { ok: true, timeZone: values.timeZone, windows }
}
