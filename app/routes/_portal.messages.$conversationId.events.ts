import type { LoaderFunctionArgs } from '@remix-run/node'
import { eventStreamResponse } from '~/http/event-stream.server'
import { conversationEventStream } from '~/services/messaging/live.server'
import { findReadableConversation } from '~/services/messaging/messaging.server'
import { requireSession } from '~/http/auth.server'

/** Server-sent events: one "message" event per new message in the conversation, while this session lasts. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, sessionId } = await requireSession(request)
  const conversation = await findReadableConversation(params.conversationId, user)
  if (!conversation) throw new Response('Not found', { status: 404 })
  return eventStreamResponse(conversationEventStream(request.signal, conversation.id, { userId: user.id, sessionId }))
}
