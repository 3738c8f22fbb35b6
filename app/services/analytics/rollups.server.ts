/**
 * The daily rollups: each whole platform day's facts stored once, so a year of analytics reads
 * 365 rows instead of the ledger. The nightly job fills every day since the last one; the backfill
 * command recomputes any range. Both count exactly what the live path counts.
 */
import { TZDate } from '@date-fns/tz'
import { addDays, differenceInCalendarDays, format, startOfDay } from 'date-fns'
import { countFactsInWindows, firstActivityAt, lastRollupDay, saveRollups } from '~/models/analytics.server'
import { oldestPostingsCount } from '~/models/analytics-rollups.server'
import { getEnv } from '~/utils/env.server'
import { dayWindows, zonedDay, type DayWindow } from './periods'
import { recountPostings, rollUpPeople } from './range-details.server'

/** Days are computed and saved in batches, so a year's backfill never holds one long transaction. */
const BATCH_DAYS = 31

export function analyticsSettings() {
  const env = getEnv()
  return { timeZone: env.PLATFORM_TIME_ZONE, currency: env.ANALYTICS_CURRENCY }
}

/** The platform days from `from` to `to` inclusive (YYYY-MM-DD). */
export function daysBetween(from: string, to: string, timeZone: string): DayWindow[] {
  const count = differenceInCalendarDays(zonedDay(to, timeZone), zonedDay(from, timeZone)) + 1
  return count > 0 ? dayWindows(from, count, timeZone) : []
}

/** The whole days from `from` to `to`, never today: it is still running and always computed live. */
function wholeDaysBetween(from: string, to: string, now: Date, timeZone: string): DayWindow[] {
  const today = format(startOfDay(new TZDate(now.getTime(), timeZone)), 'yyyy-MM-dd')
  return daysBetween(from, to < today ? to : format(addDays(zonedDay(today, timeZone), -1), 'yyyy-MM-dd'), timeZone)
}

/** Recomputes and stores every day from `from` to `to` (all three rollups); returns how many days were written. */
export async function rollUpDays(from: string, to: string, now = new Date()): Promise<number> {
  const { timeZone, currency } = analyticsSettings()
  const days = wholeDaysBetween(from, to, now, timeZone)
  for (let i = 0; i < days.length; i += BATCH_DAYS) {
    const batch = days.slice(i, i + BATCH_DAYS)
    const facts = await countFactsInWindows(batch, currency)
    await saveRollups(batch.map((day, j) => ({ day: day.day, timeZone, currency, ...facts[j]!, computedAt: now })))
    await rollUpPeople(batch, timeZone, currency, now)
    await recountPostings(batch, timeZone, currency, now)
  }
  return days.length
}

/** Recounts where the projects of every day from `from` to `to` stand now; returns how many days. */
async function recountPostingDays(from: string, to: string, now: Date): Promise<number> {
  const { timeZone, currency } = analyticsSettings()
  const days = wholeDaysBetween(from, to, now, timeZone)
  for (let i = 0; i < days.length; i += BATCH_DAYS) {
    await recountPostings(days.slice(i, i + BATCH_DAYS), timeZone, currency, now)
  }
  return days.length
}

/** The first day the platform has any history, in its zone; null on an empty database. */
export async function firstPlatformDay(timeZone: string): Promise<string | null> {
  const at = await firstActivityAt()
  return at === null ? null : format(startOfDay(new TZDate(at, timeZone)), 'yyyy-MM-dd')
}

/**
 * The nightly job: every whole day since the last rollup (or since the first activity) up to
 * yesterday; then, once a day, where every earlier day's projects stand now.
 */
export async function runNightlyRollup(now: Date): Promise<{ days: number; recounted: number }> {
  const { timeZone, currency } = analyticsSettings()
  const last = await lastRollupDay(timeZone, currency)
  const first = await firstPlatformDay(timeZone)
  const from = last ? format(addDays(zonedDay(last, timeZone), 1), 'yyyy-MM-dd') : first
  if (!from || !first) return { days: 0, recounted: 0 }
  const todayStart = startOfDay(new TZDate(now.getTime(), timeZone))
  const yesterday = format(addDays(todayStart, -1), 'yyyy-MM-dd')
  const days = from > yesterday ? 0 : await rollUpDays(from, yesterday, now)
  const counted = await oldestPostingsCount(timeZone, currency)
  const recounted =
    (counted === null || counted < todayStart.getTime()) && from > first
      ? await recountPostingDays(first, format(addDays(zonedDay(from, timeZone), -1), 'yyyy-MM-dd'), now)
      : 0
  return { days, recounted }
}
