import type { LoaderFunctionArgs } from '@remix-run/node'
import { isAttachmentOfConversation } from '~/models/conversations.server'
import { uploadResponse } from '~/http/upload-response.server'
import { findReadableConversation } from '~/services/messaging/messaging.server'
import { requireUser } from '~/http/auth.server'

/** A file attached to a message, for the conversation's two sides (and admins) only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const conversation = await findReadableConversation(params.conversationId, user)
  const attached =
    conversation && params.uploadId ? await isAttachmentOfConversation(conversation.id, params.uploadId) : false
  if (!conversation || !params.uploadId || !attached) throw new Response('Not found', { status: 404 })
  return uploadResponse(params.uploadId, { cache: 'private' })
}
