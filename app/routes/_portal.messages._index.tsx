import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
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
    role: user.role,
  })
}

export default function Messages() {
  const { conversations, unread, role } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Messages">
        <p className="muted">
          {unread ? `${unread} unread ${unread === 1 ? 'message' : 'messages'}. ` : ''}
          Every proposal and contract has its own conversation between the client and the freelancer. Keep talking and
          paying here: escrow only protects what happens on MegiLance.
        </p>
      </PageHeader>
      {conversations.length ? <ConversationList conversations={conversations} /> : <EmptyInbox role={role} />}
    </>
  )
}

/** A newcomer has no proposal or contract yet, so the way to a first conversation is the way to one of those. */
function EmptyInbox({ role }: { role: string }) {
  if (role === 'client')
    return (
      <p className="empty">
        No conversations yet. One starts with each proposal a freelancer sends you:{' '}
        <Link to="/projects/new">post a project</Link>, or invite someone from{' '}
        <Link to="/freelancers">Find talent</Link>.
      </p>
    )
  if (role === 'freelancer')
    return (
      <p className="empty">
        No conversations yet. One starts with each proposal you send: <Link to="/projects">find work</Link> to propose
        on.
      </p>
    )
  return <p className="empty">No conversations yet.</p>
}
