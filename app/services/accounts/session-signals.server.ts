import { EventEmitter } from 'node:events'

/**
 * Says "this user's sessions changed" the moment a session ends (sign-out, revocation, a block,
 * a password change), so long-lived responses such as the live message stream check theirs at once
 * instead of at their next event. In-process, like the messaging bus: one server serves everyone.
 */
const holder = globalThis as typeof globalThis & { __megilanceSessionSignals?: EventEmitter }

function signals(): EventEmitter {
  if (!holder.__megilanceSessionSignals) {
    const emitter = new EventEmitter()
    // One listener per open stream; there is no sensible fixed limit.
    emitter.setMaxListeners(0)
    holder.__megilanceSessionSignals = emitter
  }
  return holder.__megilanceSessionSignals
}

export function announceSessionsEnded(userId: string): void {
  signals().emit(userId)
}

/** Calls `listener` whenever one of the user's sessions ends; returns the function that stops listening. */
export function onSessionsEnded(userId: string, listener: () => void): () => void {
  signals().on(userId, listener)
  return () => signals().off(userId, listener)
}
