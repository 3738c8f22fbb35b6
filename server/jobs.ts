import cluster from 'node:cluster'
import type { Logger } from 'pino'
import { closeDb } from '../app/models/db.server'
import { tellPrimary } from '../app/services/cluster/ipc.server'
import { startScheduledJobs } from '../app/services/jobs/scheduler.server'
import { JOB_RUN_MESSAGE } from './cluster/primary'

/**
 * The job process of a cluster (server/cluster/primary.ts forks exactly one): it serves no
 * requests and runs `jobs` (those DISABLED_JOBS leaves), each once at start and then on its
 * timer, so a long job (the weekly model refit takes minutes of CPU on a large database) never
 * holds a web worker's event loop. Live events a job publishes go through the primary to the web
 * workers like any worker's (app/services/cluster/relayed-emitter.server.ts). Each run's outcome is
 * reported to the primary, which counts it for /metrics whichever web worker is asked.
 */
export function startJobProcess({
  jobs,
  logger,
}: {
  jobs: NonNullable<Parameters<typeof startScheduledJobs>[1]>
  logger: Logger
}) {
  logger.info({ jobs: jobs.map((job) => job.name) }, 'job process started')
  const stopJobs = startScheduledJobs(logger, jobs, (job, outcome) =>
    tellPrimary({ megilance: JOB_RUN_MESSAGE, job, outcome }),
  )

  cluster.worker?.on('error', (error) => logger.warn({ err: error }, 'the primary process is gone'))

  // Let the runs in progress end (each job is safe to repeat, so a forced stop loses nothing), then exit.
  function shutdown(signal: string) {
    logger.info({ signal }, 'job process stopping')
    setTimeout(() => process.exit(1), 10_000).unref()
    void stopJobs().then(() => {
      closeDb()
      process.exit(0)
    })
  }
  process.once('SIGTERM', () => shutdown('SIGTERM'))
  process.once('SIGINT', () => shutdown('SIGINT'))
}
