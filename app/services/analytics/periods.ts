/**
 * The period an analytics page shows, in the platform's time zone: the range chosen on the form,
 * the previous period of the same length (for the change on each card), the platform days it
 * covers (the unit of the daily rollups) and the chart buckets (hour, day, week or month).
 */
import { TZDate, tzOffset } from '@date-fns/tz'
import {
  addDays,
  addHours,
  addMonths,
  addWeeks,
  differenceInCalendarDays,
  format,
  startOfDay,
  startOfMonth,
  startOfWeek,
} from 'date-fns'

export const RANGE_PRESETS = ['24h', '7d', '30d', '90d', '1y', 'custom'] as const
export type RangePreset = (typeof RANGE_PRESETS)[number]
/** The period form as read (range-schemas.ts): a preset, or custom with both dates. */
export type RangeInput = { range: RangePreset; from?: string | undefined; to?: string | undefined }
export const RANGE_LABELS: Record<RangePreset, string> = {
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  '1y': 'Last year',
  custom: 'Custom dates',
}
const PRESET_DAYS = { '7d': 7, '30d': 30, '90d': 90, '1y': 365 } as const
/** A custom range may not be longer than this (the charts and the queries stay meaningful). */
const MAX_CUSTOM_DAYS = 3 * 366

export type BucketSize = 'hour' | 'day' | 'week' | 'month'
/** One platform day: its key (YYYY-MM-DD in the platform zone) and the instants it spans. */
export type DayWindow = { day: string; start: number; end: number }
export type Bucket = { label: string; start: number; end: number }

export type Period = {
  preset: RangePreset
  timeZone: string
  /** [start, end) in ms since the epoch. */
  start: number
  end: number
  previousStart: number
  previousEnd: number
  /** Whole platform days (the last one may be today, still running); null for the 24-hour range. */
  days: DayWindow[] | null
  previousDays: DayWindow[] | null
  bucket: BucketSize
  buckets: Bucket[]
  /** For the heading, e.g. "1 Nov 2026 – 30 Nov 2026". */
  label: string
  /** The form's values as shown (custom dates filled in for presets too). */
  from: string
  to: string
}

const dayKey = (date: Date) => format(date, 'yyyy-MM-dd')

/** The platform day `day` (YYYY-MM-DD) as a zoned midnight. */
export function zonedDay(day: string, timeZone: string): TZDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new TZDate(y, m - 1, d, timeZone)
}

/** The instant a platform day starts: its UTC midnight moved by the zone's offset at that moment. */
function dayStartMs(utcMidnight: number, timeZone: string): number {
  if (timeZone === 'UTC') return utcMidnight
  const offset = tzOffset(timeZone, new Date(utcMidnight))
  const guess = utcMidnight - offset * 60_000
  const settled = tzOffset(timeZone, new Date(guess))
  return settled === offset ? guess : utcMidnight - settled * 60_000
}

/**
 * Every platform day from `first` (YYYY-MM-DD) for `count` days; the last ends at `cap` when given
 * (today so far). Plain UTC-calendar arithmetic plus one offset lookup a day: TZDate per day is slow.
 */
export function dayWindows(first: string, count: number, timeZone: string, cap?: number): DayWindow[] {
  const [y, m, d] = first.split('-').map(Number) as [number, number, number]
  const base = Date.UTC(y, m - 1, d)
  const starts = Array.from({ length: count + 1 }, (_, i) => dayStartMs(base + i * 86_400_000, timeZone))
  return Array.from({ length: count }, (_, i) => ({
    day: new Date(base + i * 86_400_000).toISOString().slice(0, 10),
    start: starts[i]!,
    end: cap === undefined ? starts[i + 1]! : Math.min(starts[i + 1]!, cap),
  }))
}

function bucketSizeFor(days: number | null): BucketSize {
  if (days === null) return 'hour'
  if (days <= 31) return 'day'
  if (days <= 183) return 'week'
  return 'month'
}

/** Chart buckets over [start, end): aligned to the zone's hours, days, Monday weeks or months, the first and last clipped. */
export function bucketsFor(size: BucketSize, start: number, end: number, timeZone: string): Bucket[] {
  const begin = new TZDate(start, timeZone)
  const align = {
    hour: (d: TZDate) => d,
    day: startOfDay,
    week: (d: TZDate) => startOfWeek(d, { weekStartsOn: 1 }),
    month: startOfMonth,
  }[size]
  const next = { hour: addHours, day: addDays, week: addWeeks, month: addMonths }[size]
  const labelOf = {
    hour: (d: Date) => format(d, 'd MMM HH:00'),
    day: (d: Date) => format(d, 'd MMM'),
    week: (d: Date) => `w/c ${format(d, 'd MMM')}`,
    month: (d: Date) => format(d, 'MMM yyyy'),
  }[size]
  const buckets: Bucket[] = []
  let cursor: TZDate = size === 'hour' ? begin : align(begin)
  while (cursor.getTime() < end) {
    const following = next(cursor, 1)
    buckets.push({
      label: labelOf(size === 'week' && cursor.getTime() < start ? begin : cursor),
      start: Math.max(cursor.getTime(), start),
      end: Math.min(following.getTime(), end),
    })
    cursor = following
  }
  return buckets
}

/** Reads the form into a period. `now` is the end of every preset; today counts so far. */
export function resolvePeriod(input: RangeInput, now: Date, timeZone: string): Period {
  const nowMs = now.getTime()
  const today = startOfDay(new TZDate(nowMs, timeZone))
  if (input.range === '24h') {
    const start = nowMs - 24 * 3_600_000
    return {
      preset: '24h',
      timeZone,
      start,
      end: nowMs,
      previousStart: start - 24 * 3_600_000,
      previousEnd: start,
      days: null,
      previousDays: null,
      bucket: 'hour',
      buckets: bucketsFor('hour', start, nowMs, timeZone),
      label: `${format(new TZDate(start, timeZone), 'd MMM yyyy HH:mm')} – ${format(new TZDate(nowMs, timeZone), 'd MMM yyyy HH:mm')}`,
      from: dayKey(new TZDate(start, timeZone)),
      to: dayKey(today),
    }
  }
  let first: TZDate
  let count: number
  if (input.range === 'custom' && input.from && input.to) {
    const to = input.to > dayKey(today) ? dayKey(today) : input.to
    const from = input.from > to ? to : input.from
    first = zonedDay(from, timeZone)
    count = Math.min(MAX_CUSTOM_DAYS, differenceInCalendarDays(zonedDay(to, timeZone), first) + 1)
  } else {
    count = PRESET_DAYS[input.range as keyof typeof PRESET_DAYS] ?? 30
    first = addDays(today, 1 - count)
  }
  const days = dayWindows(dayKey(first), count, timeZone, nowMs)
  const previousDays = dayWindows(dayKey(addDays(first, -count)), count, timeZone)
  const start = days[0]!.start
  const end = days[days.length - 1]!.end
  const bucket = bucketSizeFor(count)
  const lastDay = new TZDate(days[days.length - 1]!.start, timeZone)
  return {
    preset: input.range,
    timeZone,
    start,
    end,
    previousStart: previousDays[0]!.start,
    previousEnd: previousDays[previousDays.length - 1]!.end,
    days,
    previousDays,
    bucket,
    buckets: bucketsFor(bucket, start, end, timeZone),
    label:
      count === 1 ? format(first, 'd MMM yyyy') : `${format(first, 'd MMM yyyy')} – ${format(lastDay, 'd MMM yyyy')}`,
    from: dayKey(first),
    to: dayKey(lastDay),
  }
}
