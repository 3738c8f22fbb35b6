/**
 * The primary's side of app/services/cluster/lock.server.ts: named locks granted to one worker at
 * a time, first come first served. Each grant has a number, so a late unlock of an old grant
 * never frees a newer one; a worker that exits loses its grant and its place in the queues.
 */
export class ClusterLocks {
  private next = 1
  private readonly held = new Map<string, { grant: number; workerId: number }>()
  private readonly waiting = new Map<string, { workerId: number; granted: (grant: number) => void }[]>()

  acquire(workerId: number, key: string, granted: (grant: number) => void): void {
    if (this.held.has(key)) {
      const queue = this.waiting.get(key) ?? []
      queue.push({ workerId, granted })
      this.waiting.set(key, queue)
      return
    }
    const grant = this.next++
    this.held.set(key, { grant, workerId })
    granted(grant)
  }

  release(key: string, grant: number): void {
    if (this.held.get(key)?.grant !== grant) return
    this.held.delete(key)
    const queue = this.waiting.get(key)
    const first = queue?.shift()
    if (!queue?.length) this.waiting.delete(key)
    if (first) this.acquire(first.workerId, key, first.granted)
  }

  forget(workerId: number): void {
    for (const [key, queue] of [...this.waiting]) {
      const kept = queue.filter((entry) => entry.workerId !== workerId)
      if (kept.length) this.waiting.set(key, kept)
      else this.waiting.delete(key)
    }
    for (const [key, { grant, workerId: holder }] of [...this.held]) if (holder === workerId) this.release(key, grant)
  }
}
