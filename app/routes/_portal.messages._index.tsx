import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { useLoaderData } from '@remix-run/react'
import { ConversationList } from '~/components/messaging/conversation-list'
import { PageHeader } from '~/components/ui/page-header'
import { listConversationsForUser } from '~/models/conversations.server'
import { requireUser } from '~/http/auth.server'
import { pick } from '~/utils/pick'

export const meta: MetaFunction = () => [{ title: 'Messages · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const conversations = await listConversationsForUser(user.id)
  return json({
    conversations: conversations.map((conversation) => ({
      ...pick(conversation, ['id', 'kind', 'title', 'otherPartyName', 'lastMessageAt', 'lastMessageBody', 'unread']),
      fromMe: conversation.lastMessageSenderId === user.id,
      flagged: Boolean(conversation.lastMessageFlagged),
    })),
    unread: conversations.reduce((total, conversation) => total + conversation.unread, 0),
  })
}

export default function Messages() {
  const { conversations, unread } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Messages">
        <p className="muted">
          {unread ? `${unread} unread ${unread === 1 ? 'message' : 'messages'}. ` : ''}
          Every proposal and contract has its own conversation between the client and the freelancer. Keep talking and
          paying here: escrow only protects what happens on MegiLance.
        </p>
      </PageHeader>
      {conversations.length ? (
        <ConversationList conversations={conversations} />
      ) : (
        <p className="empty">No conversations yet. Open a proposal or a contract and choose “Message” to start one.</p>
      )}
    </>
  )
}
