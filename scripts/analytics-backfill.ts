import { closeDb } from '~/models/db.server'
import { firstPlatformDay, rollUpDays, analyticsSettings, runNightlyRollup } from '~/services/analytics/rollups.server'

/**
 * `npm run analytics:backfill [-- FROM [TO]]`: recomputes the daily analytics rollups from the
 * ledger and the fact tables, by default for every day from the first activity to yesterday
 * (in PLATFORM_TIME_ZONE). Safe to repeat: each day is overwritten with what the sources say now.
 * `-- --missing` does only what the nightly job would: the days not rolled up yet.
 */
async function main() {
  const { timeZone } = analyticsSettings()
  if (process.argv.includes('--missing')) {
    const started = Date.now()
    const { days, recounted } = await runNightlyRollup(new Date())
    return `Rolled up ${days} new days, recounted ${recounted} in ${((Date.now() - started) / 1000).toFixed(1)} s.`
  }
  const [fromArg, toArg] = process.argv.slice(2)
  const from = fromArg ?? (await firstPlatformDay(timeZone))
  if (!from) return 'Nothing to roll up: the database has no history yet.'
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || (toArg && !/^\d{4}-\d{2}-\d{2}$/.test(toArg))) {
    throw new Error('Usage: npm run analytics:backfill -- [YYYY-MM-DD [YYYY-MM-DD]]')
  }
  const started = Date.now()
  const days = await rollUpDays(from, toArg ?? '9999-12-31')
  return `Rolled up ${days} days from ${from} (${timeZone}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`
}

main()
  .then((text) => console.log(text))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
  .finally(() => closeDb())
