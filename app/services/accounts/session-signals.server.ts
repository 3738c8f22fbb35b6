import type { EventEmitter } from 'node:events'
import { relayedEmitter } from '~/services/cluster/relayed-emitter.server'

/**
 * Says "this user's sessions changed" the moment a session ends (sign-out, revocation, a block,
 * a password change), so long-lived responses such as the live message stream check theirs at once
 * instead of at their next event. Relayed to every web worker, like the messaging bus.
 */
function signals(): EventEmitter {
  return relayedEmitter('session-signals')
}

export function announceSessionsEnded(userId: string): void {
  signals().emit(userId)
}

/** Calls `listener` whenever one of the user's sessions ends; returns the function that stops listening. */
export function onSessionsEnded(userId: string, listener: () => void): () => void {
  signals().on(userId, listener)
  return () => signals().off(userId, listener)
}
