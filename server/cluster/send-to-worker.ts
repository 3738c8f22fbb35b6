import type { Worker } from 'node:cluster'
import type { ClusterMessage } from '../../app/services/cluster/ipc.server'

/**
 * Sends to a worker, if its channel is still open. A worker can die between that check and the
 * write; the write then fails with EPIPE, which without a callback Node raises as an 'error' event
 * nobody listens to, and that crashes the primary. The message is dropped instead: the dead worker
 * held nothing it was for, and the primary's 'exit' handler replaces it.
 */
export function sendToWorker(worker: Worker, message: ClusterMessage): void {
  if (!worker.isConnected()) return
  worker.send(message, undefined, undefined, ignoreClosedChannel)
}

function ignoreClosedChannel(): void {}
