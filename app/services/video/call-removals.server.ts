import { leaveAllCallsOf } from '~/models/calls.server'
import { relayedEmitter } from '~/services/cluster/relayed-emitter.server'

/*
 * Taking a person out of every call at once (an admin blocked the account). Apart from
 * calls.server.ts so that the account service can use it without the messaging it imports.
 */

/** Peer ids whose signalling must close now; relayed to every worker, since one of them runs the PeerServer. */
function peerRemovals() {
  return relayedEmitter('call-peer-removals')
}

/**
 * Gives up every place the user holds in a call, and has the PeerServer close their signalling
 * connections, so they neither stay in a call nor reach anyone in one.
 */
export async function removeFromAllCalls(userId: string, now = new Date()): Promise<void> {
  const peerIds = await leaveAllCallsOf(userId, now)
  if (peerIds.length) peerRemovals().emit('removed', peerIds)
}

/** For the PeerServer: `listener` gets the peer ids to disconnect; returns the function that stops listening. */
export function onPeersRemoved(listener: (peerIds: string[]) => void): () => void {
  const emitter = peerRemovals()
  emitter.on('removed', listener)
  return () => emitter.off('removed', listener)
}
