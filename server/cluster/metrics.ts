import type { Worker } from 'node:cluster'
import { AggregatorRegistry } from 'prom-client'
import type { ClusterMessage } from '../../app/services/cluster/ipc.server'
import { metricsRegistry } from '../../app/utils/metrics.server'
import { sendToWorker } from './send-to-worker'

/** A registry's metrics as `getMetricsAsJSON()` gives them. */
type Snapshot = object[]

/** How long a scrape waits for a web worker's figures before using the last ones it sent. */
const REPORT_WAIT_MS = 2_000

/**
 * The primary's side of /metrics with several processes: a scrape reaches one web worker, which
 * asks the primary (app/services/cluster/ipc.server.ts); the primary asks every web worker for its
 * metrics, adds its own registry (the job run counts the job process reports, kept here so they
 * survive a restart of that process) and answers the sum (gauges say how to combine:
 * server/observability.ts). A worker too busy to answer in time counts with its last figures.
 */
export class ClusterMetrics {
  private next = 1
  private readonly last = new Map<Worker, Snapshot>()
  private readonly pending = new Map<number, Map<Worker, (snapshot: Snapshot) => void>>()

  async collect(workers: Worker[]): Promise<string> {
    const id = this.next++
    const waiting = new Map<Worker, (snapshot: Snapshot) => void>()
    this.pending.set(id, waiting)
    const reports = workers.map(
      (worker) =>
        new Promise<Snapshot | undefined>((resolve) => {
          const timer = setTimeout(() => resolve(this.last.get(worker)), REPORT_WAIT_MS)
          waiting.set(worker, (snapshot) => {
            clearTimeout(timer)
            resolve(snapshot)
          })
          sendToWorker(worker, { megilance: 'metrics-request', id })
        }),
    )
    const snapshots = await Promise.all(reports)
    this.pending.delete(id)
    const own = await metricsRegistry.getMetricsAsJSON()
    const all = [own, ...snapshots.filter((snapshot): snapshot is Snapshot => !!snapshot)]
    return AggregatorRegistry.aggregate(all).metrics()
  }

  received(worker: Worker, message: ClusterMessage): void {
    const snapshot = message.metrics as Snapshot
    this.last.set(worker, snapshot)
    this.pending.get(Number(message.id))?.get(worker)?.(snapshot)
  }

  forget(worker: Worker): void {
    this.last.delete(worker)
  }
}
