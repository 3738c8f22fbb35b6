import http from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { installGlobals, type ServerBuild } from '@remix-run/node'
import pino from 'pino'
import { closeDb } from '../app/models/db.server'
import { countDemoAccounts } from '../app/models/demo-accounts.server'
import { SCHEDULED_JOBS, startScheduledJobs } from '../app/services/jobs/scheduler.server'
import { forgetPeersOfStoppedServer } from '../app/services/video/calls.server'
import { parseEnv } from '../app/utils/env.server'
import { logMixin } from '../app/utils/request-context.server'
import { createApp } from './app'
import { demoDataProblem, startupWarnings } from './startup-checks'

installGlobals({ nativeFetch: true })

let env
try {
  env = parseEnv(process.env)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
const logger = pino({ level: env.LOG_LEVEL, mixin: logMixin })

// Opening the database applies its migrations; a production database must hold no demo accounts.
const demoProblem = demoDataProblem(env, await countDemoAccounts())
if (demoProblem) {
  console.error(demoProblem)
  closeDb()
  process.exit(1)
}
for (const warning of startupWarnings(env)) logger.warn(warning)

const build = (await import(pathToFileURL(path.resolve('build/index.js')).href)) as ServerBuild
// Nobody is connected to the PeerServer this process is about to start.
await forgetPeersOfStoppedServer()
const server = http.createServer()
server.on('request', createApp({ build, env, logger, server }))
server.listen(env.PORT, () => {
  logger.info(`MegiLance listening on http://localhost:${env.PORT}`)
})
const stopJobs = startScheduledJobs(
  logger,
  SCHEDULED_JOBS.filter((job) => !env.DISABLED_JOBS.includes(job.name)),
)

// Finish in-flight requests, then exit; a second signal or 10 s forces it.
function shutdown(signal: string) {
  logger.info({ signal }, 'shutting down')
  stopJobs()
  server.close(() => {
    // The build opened the database; close it so the WAL is checkpointed.
    ;(globalThis as { megilanceDb?: { $client: { close(): void } } }).megilanceDb?.$client.close()
    process.exit(0)
  })
  server.closeIdleConnections()
  setTimeout(() => process.exit(1), 10_000).unref()
}
process.once('SIGTERM', () => shutdown('SIGTERM'))
process.once('SIGINT', () => shutdown('SIGINT'))
