import { findOrCreateConversation } from '~/models/conversations.server'
import { getDb } from '~/models/db.server'
import { calls } from '~/models/schema'

/** A call in a contract's conversation (going on unless it has ended), started by its client, stored as the call service stores one. */
export async function insertContractCall(
  contract: { id: string; clientId: string; freelancerId: string },
  startedAt = new Date(),
  endedAt?: Date,
): Promise<string> {
  const conversation = await findOrCreateConversation({
    kind: 'contract',
    subjectId: contract.id,
    clientId: contract.clientId,
    freelancerId: contract.freelancerId,
  })
  const callId = crypto.randomUUID()
  getDb()
    .insert(calls)
    .values({ id: callId, conversationId: conversation.id, startedBy: contract.clientId, startedAt, endedAt })
    .run()
  return callId
}
