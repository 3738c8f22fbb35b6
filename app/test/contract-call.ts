import { findOrCreateConversation } from '~/models/conversations.server'
import { getDb } from '~/models/db.server'
import { calls } from '~/models/schema'

/** A call going on in a contract's conversation, started by its client, stored as the call service stores one. */
export async function insertContractCall(
  sides: { contractId: string; clientId: string; freelancerId: string },
  startedAt = new Date(),
): Promise<string> {
  const conversation = await findOrCreateConversation({
    kind: 'contract',
    subjectId: sides.contractId,
    clientId: sides.clientId,
    freelancerId: sides.freelancerId,
  })
  const callId = crypto.randomUUID()
  getDb()
    .insert(calls)
    .values({ id: callId, conversationId: conversation.id, startedBy: sides.clientId, startedAt })
    .run()
  return callId
}
