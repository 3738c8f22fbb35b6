import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { openConversationFor } from '~/services/messaging/messaging.server'
import { requireUser } from '~/http/auth.server'

/** The contract's conversation (created on first use) for its client and freelancer; 404 for anyone else. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const conversation = params.contractId ? await openConversationFor('contract', params.contractId, user.id) : undefined
  if (!conversation) throw new Response('Not found', { status: 404 })
  return redirect(`/messages/${conversation.id}`)
}
