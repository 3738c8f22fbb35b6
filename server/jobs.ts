import cluster from 'node:cluster'
import os from 'node:os'
import type { Logger } from 'pino'
import { closeDb } from '../app/models/db.server'
import { tellPrimary } from '../app/services/cluster/ipc.server'
import { startScheduledJobs } from '../app/services/jobs/scheduler.server'
import { JOB_RUN_MESSAGE } from './cluster/primary'

/**
 * The job process's niceness: on a busy machine its CPU goes to requests first (at 10 the kernel
 * gives it about a tenth of a core the web workers also want), and all of it when they are idle.
 */
const JOB_NICENESS = 10

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
  try {
    // Before the first job starts threads (libuv's pool), so they inherit it.
    os.setPriority(JOB_NICENESS)
  } catch (error) {
    logger.warn({ err: error }, 'could not lower the job process priority')
  }
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
