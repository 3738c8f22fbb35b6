import { createContext, useContext } from 'react'
import type { CallBus, CallMedia } from './call-bus'

/** The live call, for features mounted in the room (whiteboard, recording): talk to it only through these. */
export type LiveCall = { bus: CallBus; media: CallMedia }

export const CallContext = createContext<LiveCall | null>(null)

/** The call this component is mounted in; only inside the room's in-call view. */
export function useLiveCall(): LiveCall {
  const call = useContext(CallContext)
  if (!call) throw new Error('useLiveCall is used outside a call room')
  return call
}
