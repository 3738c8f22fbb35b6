import { withClusterLock } from '~/services/cluster/lock.server'

const queues = new Map<string, Promise<unknown>>()

/**
 * Runs `work` after any earlier work with the same key has finished, in this process and (with a
 * web worker per core) in every other worker, so a read, a file write and the row update that
 * follows it are never interleaved with a retry of the same.
 */
export async function serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = queues.get(key) ?? Promise.resolve()
  const locked = () => withClusterLock(key, work)
  const result = before.then(locked, locked)
  const settled = result.catch(() => undefined)
  queues.set(key, settled)
  try {
    return await result
  } finally {
    if (queues.get(key) === settled) queues.delete(key)
  }
}
