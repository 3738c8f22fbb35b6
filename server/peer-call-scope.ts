import type WebSocket from 'ws'

/** A signalling message's type and whom it is for: a peer id, or nobody (a heartbeat); null when unreadable. */
function addresseeOf(data: unknown): { type: unknown; to: string | null } | null {
  let message: unknown
  try {
    message = JSON.parse(String(data))
  } catch {
    return null
  }
  if (typeof message !== 'object' || message === null) return null
  const { type, dst } = message as { type?: unknown; dst?: unknown }
  if (dst === undefined || dst === null || dst === '') return { type, to: null }
  return typeof dst === 'string' ? { type, to: dst } : null
}

/**
 * Stands between one PeerServer socket and the `peer` package's handling of what it receives: a
 * message addressed to a peer reaches the package (which relays it, or keeps it until that peer
 * connects) only when that peer was admitted to the sender's call. The package relays to any id
 * it is given and has no hook to refuse one, so the check wraps this socket's 'message' events:
 * every listener, the package's included, hears only what passed. Messages addressed to nobody
 * (heartbeats) pass; unreadable ones, and those for another call or an unknown id, are dropped.
 * Each message waits for the one before it, so offers and candidates keep their order.
 */
export function keepSignalsInCall(
  socket: WebSocket,
  scope: {
    /** The call the sender was admitted to (checked when it connected). */
    callId: string
    callOfPeer: (peerId: string) => Promise<string | undefined>
    dropped: (why: { type: unknown; reason: 'unreadable' | 'outside the call' }) => void
    failed: (error: unknown) => void
  },
): void {
  const emit = socket.emit.bind(socket)
  const passOn = async (args: unknown[]) => {
    try {
      const addressee = addresseeOf(args[0])
      if (!addressee) return scope.dropped({ type: undefined, reason: 'unreadable' })
      if (addressee.to !== null && (await scope.callOfPeer(addressee.to)) !== scope.callId)
        return scope.dropped({ type: addressee.type, reason: 'outside the call' })
      emit('message', ...args)
    } catch (error) {
      scope.failed(error)
    }
  }
  let previous = Promise.resolve()
  socket.emit = (event: string | symbol, ...args: unknown[]): boolean => {
    if (event !== 'message') return emit(event, ...args)
    previous = previous.then(() => passOn(args))
    return true
  }
}
