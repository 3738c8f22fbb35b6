import cluster, { type Worker } from 'node:cluster'
import { MemoryStore, type Options } from 'express-rate-limit'
import type { Logger } from 'pino'
import { isClusterMessage, type ClusterMessage } from '../../app/services/cluster/ipc.server'
import { jobRuns } from '../../app/utils/metrics.server'
import { ClusterCounts } from './counts'
import { ClusterLocks } from './locks'
import { ClusterMetrics } from './metrics'
import { sendToWorker } from './send-to-worker'
import { EXIT_CANNOT_LISTEN } from '../listen'

/** What a worker is told at start (environment): its role, and where the PeerServer listens. */
export const WORKER_ROLE = 'MEGILANCE_WORKER_ROLE'
export const PEER_SOCKET = 'MEGILANCE_PEER_SOCKET'

/** What the job process (server/jobs.ts) tells the primary after each run, which counts it for /metrics. */
export const JOB_RUN_MESSAGE = 'job-run'

type Role = 'lead' | 'web' | 'jobs'

/** A job process that dies this soon after its start is restarted after a growing pause (to 30 s), not at once. */
const QUICK_EXIT_MS = 10_000

/**
 * The primary process of a multi-worker server: it serves no requests. It forks `workers` web
 * workers that share the port (the cluster module hands out connections); the first, the "lead",
 * also runs the PeerServer, so it exists exactly once. With `jobs`, it also forks one job process
 * (server/jobs.ts) that runs the scheduled jobs and serves nothing, so no job holds a web worker's
 * event loop and each job runs in one place. A process that dies is replaced with the same role.
 * The primary is the hub of what must be shared between processes: live events, counts of who
 * watches what, locks, the rate-limit counters, job run counts and the metrics of every worker.
 */
export function startPrimary({
  workers,
  jobs = false,
  peerSocket,
  logger,
  exit = (code) => process.exit(code),
}: {
  workers: number
  jobs?: boolean
  peerSocket: string
  logger: Logger
  /** How the primary ends itself when the server cannot run (tests watch it instead). */
  exit?: (code: number) => void
}): { stop: (signal: NodeJS.Signals) => Promise<void> } {
  const counts = new ClusterCounts()
  const locks = new ClusterLocks()
  const rateStores = new Map<string, MemoryStore>()
  const roles = new Map<Worker, Role>()
  const metrics = new ClusterMetrics()
  const startedAtOf = new Map<Worker, number>()
  let stopping = false
  let stopped = () => {}
  let quickJobExits = 0

  const others = (from: Worker) => Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && w !== from)
  const webWorkers = () => [...roles].filter(([, role]) => role !== 'jobs').map(([worker]) => worker)
  const liveIds = () => Object.keys(cluster.workers ?? {}).map(Number)
  const sendTo = (id: number, message: ClusterMessage) => {
    const worker = cluster.workers?.[id]
    if (worker) sendToWorker(worker, message)
  }

  function rateStore(prefix: string, windowMs: number): MemoryStore {
    let store = rateStores.get(prefix)
    if (!store) {
      store = new MemoryStore()
      store.init({ windowMs } as Options)
      rateStores.set(prefix, store)
    }
    return store
  }

  async function handle(worker: Worker, message: ClusterMessage) {
    switch (message.megilance) {
      // Events are for the streams web workers hold; the job process holds none.
      case 'emit':
        for (const other of others(worker)) if (roles.get(other) !== 'jobs') sendToWorker(other, message)
        break
      case JOB_RUN_MESSAGE:
        jobRuns.inc({ job: String(message.job), outcome: message.outcome === 'ok' ? 'ok' : 'failed' })
        break
      case 'metrics': {
        const text = await metrics.collect(webWorkers())
        sendToWorker(worker, { megilance: 'reply', id: message.id, text })
        break
      }
      case 'metrics-report':
        metrics.received(worker, message)
        break
      case 'count':
        for (const [to, update] of counts.add(
          worker.id,
          String(message.name),
          String(message.key),
          Number(message.delta),
          liveIds(),
        ))
          sendTo(to, update)
        break
      case 'count-snapshot':
        for (const update of counts.snapshotFor(worker.id)) sendToWorker(worker, update)
        break
      case 'lock':
        locks.acquire(worker.id, String(message.key), (grant) =>
          sendToWorker(worker, { megilance: 'reply', id: message.id, grant }),
        )
        break
      case 'unlock':
        locks.release(String(message.key), Number(message.grant))
        break
      case 'rate': {
        const store = rateStore(String(message.prefix), Number(message.windowMs))
        const key = String(message.key)
        if (message.op === 'increment') {
          const { totalHits, resetTime } = await store.increment(key)
          sendToWorker(worker, { megilance: 'reply', id: message.id, totalHits, resetTime: resetTime?.getTime() })
        } else if (message.op === 'decrement') await store.decrement(key)
        else if (message.op === 'reset') await store.resetKey(key)
        break
      }
    }
  }

  function fork(role: Role) {
    const worker = cluster.fork({ [WORKER_ROLE]: role, [PEER_SOCKET]: peerSocket })
    const startedAt = Date.now()
    roles.set(worker, role)
    startedAtOf.set(worker, startedAt)
    worker.on('message', (message: unknown) => {
      if (!isClusterMessage(message)) return
      handle(worker, message).catch((error: unknown) => logger.error({ err: error }, 'cluster message failed'))
    })
  }

  cluster.on('exit', (worker, code, signal) => {
    const role = roles.get(worker)
    if (!role) return
    roles.delete(worker)
    if (role !== 'jobs') startedAtOf.delete(worker)
    locks.forget(worker.id)
    metrics.forget(worker)
    for (const [to, update] of counts.forget(worker.id, liveIds())) sendTo(to, update)
    if (stopping) {
      if (roles.size === 0) stopped()
      return
    }
    if (role !== 'jobs' && code === EXIT_CANNOT_LISTEN) {
      // Another worker would fail the same way (the port is taken): stop, and say so by the exit code.
      logger.fatal({ worker: worker.id, role }, 'a web worker cannot listen on the port; stopping the server')
      void stop('SIGTERM').then(() => exit(EXIT_CANNOT_LISTEN))
      return
    }
    if (role !== 'jobs') {
      logger.error({ worker: worker.id, role, code, signal }, 'a web worker exited; starting another')
      fork(role)
      return
    }
    // A job process that keeps dying at start (a job crashing the process) is restarted more slowly.
    const lived = Date.now() - (startedAtOf.get(worker) ?? 0)
    startedAtOf.delete(worker)
    quickJobExits = lived < QUICK_EXIT_MS ? quickJobExits + 1 : 0
    const pauseMs = quickJobExits ? Math.min(30_000, 500 * 2 ** (quickJobExits - 1)) : 0
    logger.error(
      { worker: worker.id, role, code, signal, restartInMs: pauseMs },
      'the job process exited; starting another',
    )
    setTimeout(() => {
      if (!stopping) fork('jobs')
    }, pauseMs).unref()
  })

  // Each worker accepts its own connections from the shared socket (the kernel wakes one that is
  // waiting in accept, so a worker held by a long request takes none), instead of the primary
  // handing each to a worker in turn and waiting for that worker's event loop to take it: under
  // load that hand-off queued connections in the primary for longer than the 60 s load run.
  cluster.schedulingPolicy = cluster.SCHED_NONE
  for (let index = 0; index < workers; index += 1) fork(index === 0 ? 'lead' : 'web')
  if (jobs) fork('jobs')
  logger.info({ workers, jobs }, 'started web workers')

  // Each worker finishes its in-flight requests and exits (server/worker.ts).
  function stop(signal: NodeJS.Signals): Promise<void> {
    stopping = true
    logger.info({ signal }, 'stopping web workers')
    const done = new Promise<void>((resolve) => (stopped = resolve))
    if (roles.size === 0) stopped()
    for (const worker of roles.keys()) worker.process.kill(signal)
    return done
  }
  return { stop }
}
