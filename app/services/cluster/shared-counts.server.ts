import { onPrimaryMessage, tellPrimary } from './ipc.server'

/**
 * Counters summed over all web workers, such as "how many pages of this conversation does this
 * user hold open": each worker counts its own and reports changes to the primary, which sends
 * every worker the new totals (and drops a worker's share when it exits). Reads are synchronous
 * and may trail another worker's change by one message.
 */
type Counts = { local: Map<string, number>; elsewhere: Map<string, number> }

const holder = globalThis as typeof globalThis & { __megilanceSharedCounts?: Map<string, Counts> }

function counts(name: string): Counts {
  if (!holder.__megilanceSharedCounts) {
    const all = new Map<string, Counts>()
    holder.__megilanceSharedCounts = all
    // The primary sends each key's count held by the other workers, whichever counts this process has used yet.
    onPrimaryMessage('count', (message) => {
      const state = countsIn(all, String(message.name))
      const key = String(message.key)
      const others = Number(message.others)
      if (others > 0) state.elsewhere.set(key, others)
      else state.elsewhere.delete(key)
    })
    // And what the other workers already count (this worker may have started after them).
    tellPrimary({ megilance: 'count-snapshot' })
  }
  return countsIn(holder.__megilanceSharedCounts, name)
}

function countsIn(all: Map<string, Counts>, name: string): Counts {
  let state = all.get(name)
  if (!state) {
    state = { local: new Map(), elsewhere: new Map() }
    all.set(name, state)
  }
  return state
}

// Listen from the start: another worker's count may change before this one first reads it.
counts('')

export function addToCount(name: string, key: string, delta: number): void {
  const { local } = counts(name)
  const next = (local.get(key) ?? 0) + delta
  if (next > 0) local.set(key, next)
  else local.delete(key)
  tellPrimary({ megilance: 'count', name, key, delta })
}

/** This process's count plus every other worker's. */
export function totalCount(name: string, key: string): number {
  const { local, elsewhere } = counts(name)
  return (local.get(key) ?? 0) + (elsewhere.get(key) ?? 0)
}
