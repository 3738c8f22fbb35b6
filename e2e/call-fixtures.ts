import './app-env'
import { listCallAttendance } from '~/models/calls.server'

/** Someone connected to the call (a real peer id the PeerServer knows). */
export async function findAttendanceForTest(callId: string) {
  const [first] = await listCallAttendance(callId)
  if (!first) throw new Error(`Nobody joined call ${callId}`)
  return first
}
