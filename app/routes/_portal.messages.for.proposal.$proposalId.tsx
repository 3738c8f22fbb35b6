import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { openConversationFor } from '~/services/messaging/messaging.server'
import { requireUser } from '~/http/auth.server'

/** The proposal's conversation (created on first use) for its client and freelancer; 404 for anyone else. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const conversation = params.proposalId ? await openConversationFor('proposal', params.proposalId, user.id) : undefined
  if (!conversation) throw new Response('Not found', { status: 404 })
  return redirect(`/messages/${conversation.id}`)
}
