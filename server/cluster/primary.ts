import cluster, { type Worker } from 'node:cluster'
import { MemoryStore, type Options } from 'express-rate-limit'
import type { Logger } from 'pino'
import { isClusterMessage, type ClusterMessage } from '../../app/services/cluster/ipc.server'
import { ClusterCounts } from './counts'
import { ClusterLocks } from './locks'

/** What a worker is told at start (environment): whether it runs the jobs and the PeerServer. */
export const WORKER_ROLE = 'MEGILANCE_WORKER_ROLE'
export const PEER_SOCKET = 'MEGILANCE_PEER_SOCKET'

/**
 * The primary process of a multi-worker server: it serves no requests. It forks `workers` web
 * workers that share the port (the cluster module hands out connections); the first, the "lead",
 * also runs the scheduled jobs and the PeerServer, so both exist exactly once. A worker that dies
 * is replaced with the same role. The primary is the hub of what must be shared between workers:
 * live events, counts of who watches what, locks, and the rate-limit counters.
 */
export function startPrimary({
  workers,
  peerSocket,
  logger,
}: {
  workers: number
  peerSocket: string
  logger: Logger
}): { stop: (signal: NodeJS.Signals) => Promise<void> } {
  const counts = new ClusterCounts()
  const locks = new ClusterLocks()
  const rateStores = new Map<string, MemoryStore>()
  const roles = new Map<Worker, 'lead' | 'web'>()
  let stopping = false
  let stopped = () => {}

  const others = (from: Worker) => Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && w !== from)
  const send = (worker: Worker, message: ClusterMessage) => {
    if (worker.isConnected()) worker.send(message)
  }
  const liveIds = () => Object.keys(cluster.workers ?? {}).map(Number)
  const sendTo = (id: number, message: ClusterMessage) => {
    const worker = cluster.workers?.[id]
    if (worker) send(worker, message)
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
      case 'emit':
        for (const other of others(worker)) send(other, message)
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
        for (const update of counts.snapshotFor(worker.id)) send(worker, update)
        break
      case 'lock':
        locks.acquire(worker.id, String(message.key), (grant) =>
          send(worker, { megilance: 'reply', id: message.id, grant }),
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
          send(worker, { megilance: 'reply', id: message.id, totalHits, resetTime: resetTime?.getTime() })
        } else if (message.op === 'decrement') await store.decrement(key)
        else if (message.op === 'reset') await store.resetKey(key)
        break
      }
    }
  }

  function fork(role: 'lead' | 'web') {
    const worker = cluster.fork({ [WORKER_ROLE]: role, [PEER_SOCKET]: peerSocket })
    roles.set(worker, role)
    worker.on('message', (message: unknown) => {
      if (!isClusterMessage(message)) return
      handle(worker, message).catch((error: unknown) => logger.error({ err: error }, 'cluster message failed'))
    })
  }

  cluster.on('exit', (worker, code, signal) => {
    const role = roles.get(worker) ?? 'web'
    roles.delete(worker)
    locks.forget(worker.id)
    for (const [to, update] of counts.forget(worker.id, liveIds())) sendTo(to, update)
    if (stopping) {
      if (roles.size === 0) stopped()
      return
    }
    logger.error({ worker: worker.id, role, code, signal }, 'a web worker exited; starting another')
    fork(role)
  })

  for (let index = 0; index < workers; index += 1) fork(index === 0 ? 'lead' : 'web')
  logger.info({ workers }, 'started web workers')

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
