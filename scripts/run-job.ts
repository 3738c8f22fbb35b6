import { closeDb } from '~/models/db.server'
import { SCHEDULED_JOBS } from '~/services/jobs/scheduler.server'

/**
 * Runs one scheduled job once, now, and prints what it did: for an operator who will not wait for
 * its timer (e.g. charge hourly invoices after fixing a card issue). Every job is safe to repeat.
 */
const names = SCHEDULED_JOBS.map((job) => job.name)
const usage = `Usage: npm run job -- <${names.join(' | ')}>`

async function main() {
  const job = SCHEDULED_JOBS.find((candidate) => candidate.name === process.argv[2])
  if (!job) throw new Error(usage)
  return JSON.stringify(await job.run(new Date()))
}

main()
  .then((text) => console.log(text))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
  .finally(closeDb)
