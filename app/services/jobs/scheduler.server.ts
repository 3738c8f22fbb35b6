import type { Logger } from 'pino'
import { eraseExpiredOutboxBodies } from '~/models/outbox.server'
import { foldClosedReviewWindows } from '~/models/review-totals.server'
import { runAutoApprovals } from '~/services/marketplace/contracts.server'
import { HOURLY_INVOICING_JOB, runHourlyCharging, runHourlyInvoicing } from '~/services/marketplace/hourly.server'
import { runSavedSearchAlerts } from '~/services/marketplace/saved-searches.server'
import { snapshotMarket } from '~/services/analytics/market.server'
import { runNightlyRollup } from '~/services/analytics/rollups.server'
import { runWeeklyAnalyticsReport } from '~/services/analytics/weekly-report.server'
import { runWeeklyModelRefit } from '~/services/ai/model-training.server'
import { runDailyBackup } from '~/services/operations/backups.server'
import { runMeetingReminders } from '~/services/meetings/reminders.server'
import { runDeadlineReminders } from '~/services/notifications/deadline-reminders.server'
import { runPayoutSending } from '~/services/payments/payouts/payouts.server'
import { runRecordingRetention } from '~/services/video/recording-retention.server'
import { HOUR_MS, MINUTE_MS } from '~/domain/durations'
import { runFraudSweep } from '~/services/fraud/screening.server'
import { jobRuns } from '~/utils/metrics.server'
import { isJobDisabled } from './job-switches'
import { HOURLY_INVOICING_EVERY_MS } from '~/services/marketplace/hourly'

type Job = { name: string; everyMs: number; run: (now: Date) => Promise<unknown> }

/** The work the server does on its own, on a timer, in the same process. Each job is safe to repeat. */
export const SCHEDULED_JOBS: Job[] = [
  { name: HOURLY_INVOICING_JOB, everyMs: HOURLY_INVOICING_EVERY_MS, run: runHourlyInvoicing },
  // Auto-approves unreviewed invoices after 5 days and charges approved ones; a failed charge is retried each run.
  { name: 'hourly-charging', everyMs: HOUR_MS, run: runHourlyCharging },
  { name: 'milestone-auto-approval', everyMs: 15 * MINUTE_MS, run: runAutoApprovals },
  { name: 'saved-search-alerts', everyMs: 10 * MINUTE_MS, run: runSavedSearchAlerts },
  { name: 'payout-sending', everyMs: MINUTE_MS, run: runPayoutSending },
  // Each occurrence's reminder goes out once, 15 minutes before it starts.
  { name: 'meeting-reminders', everyMs: MINUTE_MS, run: runMeetingReminders },
  // 2 days before a dispute's response is due, and 3 before a contract's review window closes; once each.
  { name: 'deadline-reminders', everyMs: 15 * MINUTE_MS, run: runDeadlineReminders },
  // Codes kept in the offline outbox are erased once they expire (reads already hide them).
  { name: 'outbox-code-expiry', everyMs: MINUTE_MS, run: eraseExpiredOutboxBodies },
  // Checks hourly; writes a verified backup when the newest is a day old, and keeps BACKUP_KEEP of them.
  { name: 'daily-backup', everyMs: HOUR_MS, run: runDailyBackup },
  // Call recordings are deleted RECORDING_RETENTION_DAYS after their call ended.
  { name: 'recording-retention', everyMs: HOUR_MS, run: runRecordingRetention },
  // Every fraud detector over everyone (graph and time-window ones only run here); safe to repeat.
  { name: 'fraud-sweep', everyMs: 10 * MINUTE_MS, run: runFraudSweep },
  // Checks hourly; rolls up every whole platform day not rolled up yet (so at most once a day's work).
  { name: 'analytics-rollup', everyMs: HOUR_MS, run: runNightlyRollup },
  // Checks hourly; each opted-in admin gets last week's report once (claimed before sending).
  // The market page's figures, computed off the request path and stored.
  { name: 'market-snapshot', everyMs: 10 * MINUTE_MS, run: snapshotMarket },
  { name: 'analytics-weekly-report', everyMs: HOUR_MS, run: runWeeklyAnalyticsReport },
  // Checks hourly; refits the matching weights and the success model when the newest fit is a week old.
  { name: 'model-refit', everyMs: HOUR_MS, run: runWeeklyModelRefit },
  // Folds reviews whose window has closed into the rating totals, so searches add only the newest few.
  { name: 'review-totals', everyMs: HOUR_MS, run: foldClosedReviewWindows },
]

/** The jobs left after DISABLED_JOBS (names, or `*` for all). */
export function enabledJobs(disabled: readonly string[], jobs: Job[] = SCHEDULED_JOBS): Job[] {
  return jobs.filter((job) => !isJobDisabled(disabled, job.name))
}

export type JobOutcome = 'ok' | 'failed'

/**
 * Starts every job once now and then on its interval; a run never overlaps the previous one of the
 * same job, and a failure is logged with the job's name without stopping the others. Each run's
 * outcome goes to `record` (by default this process's `megilance_job_runs_total`; the job process
 * of a cluster reports it to the primary instead, which keeps the count across restarts).
 * Returns a function that stops the timers and resolves when the runs in progress have ended.
 */
export function startScheduledJobs(
  logger: Logger,
  jobs: Job[] = SCHEDULED_JOBS,
  record: (job: string, outcome: JobOutcome) => void = (job, outcome) => jobRuns.inc({ job, outcome }),
): () => Promise<void> {
  const running = new Map<string, Promise<void>>()
  const timers = jobs.map((job) => {
    const tick = () => {
      if (running.has(job.name)) return
      const run = (async () => {
        const started = performance.now()
        const ms = () => Math.round(performance.now() - started)
        try {
          const result = await job.run(new Date())
          logger.debug({ job: job.name, result, ms: ms() }, 'scheduled job ran')
          record(job.name, 'ok')
        } catch (error) {
          logger.error({ err: error, job: job.name, ms: ms() }, 'scheduled job failed')
          record(job.name, 'failed')
        } finally {
          running.delete(job.name)
        }
      })()
      running.set(job.name, run)
    }
    tick()
    const timer = setInterval(tick, job.everyMs)
    timer.unref()
    return timer
  })
  return async () => {
    timers.forEach(clearInterval)
    await Promise.all(running.values())
  }
}
