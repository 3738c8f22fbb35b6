/**
 * Facts per platform day: rolled-up days from analytics_daily, anything not rolled up (today,
 * or a day the nightly job has not reached) counted live from the ledger and the fact tables.
 */
import { FACT_KEYS, type DayFacts } from '~/domain/analytics-facts'
import { countFactsInWindows, listRollups, type RollupRow } from '~/models/analytics.server'
import type { DayWindow } from './periods'

export type DayWithFacts = DayWindow & { facts: DayFacts; live: boolean }

function factsOfRollup(row: RollupRow): DayFacts {
  return Object.fromEntries(FACT_KEYS.map((key) => [key, row[key]])) as DayFacts
}

export async function loadDayFacts(
  days: readonly DayWindow[],
  timeZone: string,
  currency: string,
): Promise<DayWithFacts[]> {
  if (!days.length) return []
  const rolled = new Map(
    (await listRollups(days[0]!.day, days[days.length - 1]!.day, timeZone, currency)).map((row) => [row.day, row]),
  )
  // A day still running (today) is never taken from a rollup.
  const isWhole = (day: DayWindow) => day.end - day.start >= 23 * 3_600_000
  const missing = days.filter((day) => !isWhole(day) || !rolled.has(day.day))
  const live = await countFactsInWindows(missing, currency)
  const liveByDay = new Map(missing.map((day, i) => [day.day, live[i]!]))
  return days.map((day) => {
    const fresh = liveByDay.get(day.day)
    return fresh
      ? { ...day, facts: fresh, live: true }
      : { ...day, facts: factsOfRollup(rolled.get(day.day)!), live: false }
  })
}
