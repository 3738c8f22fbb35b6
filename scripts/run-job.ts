import { closeDb } from '~/models/db.server'
import { SCHEDULED_JOBS } from '~/services/jobs/scheduler.server'

/**
 * Runs one scheduled job once, now, and prints what it did: for an operator who will not wait for
 * its timer (e.g. charge hourly invoices after fixing a card issue). Every job is safe to repeat.
 * JOB_NOW (an ISO date) runs it as if it were then, e.g. to check retention in a test.
 */
const names = SCHEDULED_JOBS.map((job) => job.name)
const usage = `Usage: [JOB_NOW=<ISO date>] npm run job -- <${names.join(' | ')}>`

function jobNow(): Date {
  const text = process.env.JOB_NOW
  if (!text) return new Date()
  const at = new Date(text)
  if (Number.isNaN(at.getTime())) throw new Error(`JOB_NOW is not a date: ${text}\n${usage}`)
  return at
}

async function main() {
  const job = SCHEDULED_JOBS.find((candidate) => candidate.name === process.argv[2])
  if (!job) throw new Error(usage)
  return JSON.stringify(await job.run(jobNow()))
}

main()
  .then((text) => console.log(text))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
  .finally(closeDb)
