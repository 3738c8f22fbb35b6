import cluster from 'node:cluster'
import os from 'node:os'
import path from 'node:path'
import { installGlobals } from '@remix-run/node'
import pino from 'pino'
import { closeDb } from '../app/models/db.server'
import { countDemoAccounts } from '../app/models/demo-accounts.server'
import { parseEnv } from '../app/utils/env.server'
import { logMixin } from '../app/utils/request-context.server'
import { PEER_SOCKET, startPrimary, WORKER_ROLE } from './cluster/primary'
import { enabledJobs } from '../app/services/jobs/scheduler.server'
import { startJobProcess } from './jobs'
import { demoDataProblem, startupWarnings } from './startup-checks'
import { startWorker } from './worker'

installGlobals({ nativeFetch: true })

let env
try {
  env = parseEnv(process.env)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
const logger = pino({ level: env.LOG_LEVEL, mixin: logMixin })

if (cluster.isWorker && process.env[WORKER_ROLE] === 'jobs') {
  startJobProcess({ jobs: enabledJobs(env.DISABLED_JOBS), logger })
} else if (cluster.isWorker) {
  await startWorker({
    env,
    logger,
    lead: process.env[WORKER_ROLE] === 'lead',
    peerSocket: process.env[PEER_SOCKET],
  })
} else {
  // Opening the database applies its migrations (once, before any worker opens it); a production
  // database must hold no demo accounts.
  const demoProblem = demoDataProblem(env, await countDemoAccounts())
  if (demoProblem) {
    console.error(demoProblem)
    closeDb()
    process.exit(1)
  }
  for (const warning of startupWarnings(env)) logger.warn(warning)

  // Jobs run in a process of their own, never on a web worker's event loop: with any job to run,
  // even one web worker gets a primary and a job process beside it.
  const workers = env.WEB_WORKERS ?? os.availableParallelism()
  const jobs = enabledJobs(env.DISABLED_JOBS).length > 0
  if (workers > 1 || jobs) {
    closeDb()
    const primary = startPrimary({
      workers,
      jobs,
      logger,
      peerSocket: path.join(os.tmpdir(), `megilance-peer-${process.pid}.sock`),
    })
    // The workers finish their in-flight requests and exit, then so does the primary; 12 s forces it.
    const shutdown = (signal: NodeJS.Signals) => {
      setTimeout(() => process.exit(1), 12_000).unref()
      void primary.stop(signal).then(() => process.exit(0))
    }
    process.once('SIGTERM', shutdown)
    process.once('SIGINT', shutdown)
  } else {
    // One web worker and no jobs: that worker is the whole server.
    await startWorker({ env, logger, lead: true })
  }
}
