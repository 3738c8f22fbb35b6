import cluster from 'node:cluster'
import crypto from 'node:crypto'

/**
 * The messages a web worker exchanges with the primary process (server/cluster/primary.ts) when
 * the server runs a worker per core. Every message carries `megilance`, so the cluster module's
 * own messages and anything else on the channel are left alone.
 */
export type ClusterMessage = { megilance: string; [field: string]: unknown }

type Holder = {
  handlers: Map<string, Set<(message: ClusterMessage) => void>>
  replies: Map<string, (message: ClusterMessage) => void>
}

// The Remix build and server/ load this module separately; both must share one channel listener.
const holder = globalThis as typeof globalThis & { __megilanceClusterIpc?: Holder }

function ipc(): Holder {
  if (!holder.__megilanceClusterIpc) {
    const state: Holder = { handlers: new Map(), replies: new Map() }
    holder.__megilanceClusterIpc = state
    if (inCluster()) {
      process.on('message', (message: unknown) => {
        if (!isClusterMessage(message)) return
        if (message.megilance === 'reply') {
          const id = String(message.id)
          state.replies.get(id)?.(message)
          state.replies.delete(id)
          return
        }
        for (const handler of state.handlers.get(message.megilance) ?? []) handler(message)
      })
    }
  }
  return holder.__megilanceClusterIpc
}

export function isClusterMessage(message: unknown): message is ClusterMessage {
  return typeof message === 'object' && message !== null && typeof (message as ClusterMessage).megilance === 'string'
}

/** Whether this process is one of several web workers (so in-memory state is not the whole truth). */
export function inCluster(): boolean {
  return cluster.isWorker && typeof process.send === 'function'
}

/** Sends to the primary; does nothing outside a cluster. */
export function tellPrimary(message: ClusterMessage): void {
  if (!inCluster() || !process.connected) return
  // With a callback a failed write is reported here, not raised as an 'error' nobody handles.
  process.send?.(message, undefined, undefined, (error: Error | null) => {
    if (error && primaryGone(error)) exitWithoutPrimary()
  })
}

/** Runs `handler` for every message of this kind the primary sends; returns the function that stops it. */
export function onPrimaryMessage(kind: string, handler: (message: ClusterMessage) => void): () => void {
  const { handlers } = ipc()
  const set = handlers.get(kind) ?? new Set()
  handlers.set(kind, set)
  set.add(handler)
  return () => set.delete(handler)
}

/** Asks the primary and waits for its reply (the primary answers `{ megilance: 'reply', id, … }`). */
export function askPrimary(message: ClusterMessage): Promise<ClusterMessage> {
  const { replies } = ipc()
  const id = crypto.randomUUID()
  return new Promise((resolve, reject) => {
    if (!inCluster()) {
      reject(new Error('Not a cluster worker'))
      return
    }
    if (!process.connected) exitWithoutPrimary()
    replies.set(id, resolve)
    process.send?.({ ...message, id }, undefined, undefined, (error: Error | null) => {
      if (!error) return
      replies.delete(id)
      if (primaryGone(error)) exitWithoutPrimary()
      reject(error)
    })
  })
}

const primaryGone = (error: Error) =>
  !process.connected || ['EPIPE', 'ERR_IPC_CHANNEL_CLOSED'].includes((error as NodeJS.ErrnoException).code ?? '')

/**
 * The primary was killed: Node's cluster exits this worker on the disconnect that follows. Until then
 * a request that needs the primary (rate limits, metrics) would be answered 500, so the worker exits
 * now and its connections drop, as if it had been killed with the primary.
 */
function exitWithoutPrimary(): never {
  process.exit(1)
}
