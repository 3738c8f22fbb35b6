import type { ClusterMessage } from '../../app/services/cluster/ipc.server'

/**
 * The primary's side of app/services/cluster/shared-counts.server.ts: every worker's share of each
 * count. A change yields, for each other live worker, the message telling it the count now held
 * by the workers other than itself.
 */
export class ClusterCounts {
  // `${name}\n${key}` → worker id → count
  private readonly shares = new Map<string, Map<number, number>>()

  add(workerId: number, name: string, key: string, delta: number, live: number[]): [number, ClusterMessage][] {
    const id = `${name}\n${key}`
    const byWorker = this.shares.get(id) ?? new Map<number, number>()
    const next = (byWorker.get(workerId) ?? 0) + delta
    if (next > 0) byWorker.set(workerId, next)
    else byWorker.delete(workerId)
    if (byWorker.size) this.shares.set(id, byWorker)
    else this.shares.delete(id)
    return live.filter((to) => to !== workerId).map((to) => [to, this.message(id, to)])
  }

  /** Drops an exited worker's shares; returns the updates for the live workers. */
  forget(workerId: number, live: number[]): [number, ClusterMessage][] {
    const updates: [number, ClusterMessage][] = []
    for (const [id, byWorker] of [...this.shares]) {
      if (!byWorker.delete(workerId)) continue
      if (!byWorker.size) this.shares.delete(id)
      for (const to of live) if (to !== workerId) updates.push([to, this.message(id, to)])
    }
    return updates
  }

  /** Everything a newly started worker must know. */
  snapshotFor(workerId: number): ClusterMessage[] {
    return [...this.shares.keys()].map((id) => this.message(id, workerId))
  }

  private message(id: string, to: number): ClusterMessage {
    const [name, key] = id.split('\n')
    let others = 0
    for (const [workerId, count] of this.shares.get(id) ?? []) if (workerId !== to) others += count
    return { megilance: 'count', name, key, others }
  }
}
