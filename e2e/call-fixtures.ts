import './app-env'
import { listCallAttendance } from '~/models/calls.server'
import { getDb } from '~/models/db.server'
import { calls, meetings } from '~/models/schema'
import { openConversationFor } from '~/services/messaging/messaging.server'
import { userIdByEmail } from './db-fixtures'

/** Someone connected to the call (a real peer id the PeerServer knows). */
export async function findAttendanceForTest(callId: string) {
  const [first] = await listCallAttendance(callId)
  if (!first) throw new Error(`Nobody joined call ${callId}`)
  return first
}

/**
 * A meeting booked in the contract's conversation, a row as the scheduler stores it (the
 * scheduler's own pages are tested in its specs).
 */
export async function insertContractMeeting(contractId: string, clientEmail: string, startsAt: Date) {
  const clientId = await userIdByEmail(clientEmail)
  const conversation = await openConversationFor('contract', contractId, clientId)
  if (!conversation) throw new Error(`No conversation for contract ${contractId}`)
  const id = crypto.randomUUID()
  getDb()
    .insert(meetings)
    .values({
      id,
      uid: `${id}@megilance.test`,
      conversationId: conversation.id,
      organizerId: clientId,
      attendeeId: conversation.freelancerId,
      title: 'Kick-off',
      startsAt,
      durationMinutes: 30,
      timeZone: 'UTC',
      createdAt: new Date(),
      updatedAt: new Date(),
    })
    .run()
  return id
}

/** A call in the contract's conversation that ended `minutesAgo` minutes ago, as the call service leaves one. */
export async function insertEndedContractCall(contractId: string, clientEmail: string, minutesAgo: number) {
  const clientId = await userIdByEmail(clientEmail)
  const conversation = await openConversationFor('contract', contractId, clientId)
  if (!conversation) throw new Error(`No conversation for contract ${contractId}`)
  const id = crypto.randomUUID()
  const endedAt = new Date(Date.now() - minutesAgo * 60_000)
  getDb()
    .insert(calls)
    .values({
      id,
      conversationId: conversation.id,
      startedBy: clientId,
      startedAt: new Date(endedAt.getTime() - 20 * 60_000),
      endedAt,
    })
    .run()
  return id
}
