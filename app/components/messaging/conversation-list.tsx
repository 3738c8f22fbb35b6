import { Link } from '@remix-run/react'
import { formatDateTime } from '~/utils/format'

export type ConversationListItem = {
  id: string
  kind: 'proposal' | 'contract'
  title: string
  otherPartyName: string
  lastMessageAt: number | null
  lastMessageBody: string | null
  fromMe: boolean
  flagged: boolean
  unread: number
}

function preview(body: string, max = 120) {
  const flat = body.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

/** The user's conversations, newest first, each a link with its unread count. */
export function ConversationList({ conversations }: { conversations: ConversationListItem[] }) {
  return (
    <ul className="conversation-list" aria-label="Conversations">
      {conversations.map((conversation) => (
        <li
          key={conversation.id}
          className={conversation.unread ? 'conversation-list__item is-unread' : 'conversation-list__item'}
        >
          <div className="conversation-list__top">
            <Link to={`/messages/${conversation.id}`} className="conversation-list__title">
              {conversation.title}
            </Link>
            {conversation.unread ? <span className="badge badge--open">{conversation.unread} unread</span> : null}
          </div>
          <p className="muted">
            With {conversation.otherPartyName} · {conversation.kind === 'contract' ? 'Contract' : 'Proposal'}
            {conversation.lastMessageAt ? <> · {formatDateTime(conversation.lastMessageAt)}</> : null}
          </p>
          <p className="conversation-list__preview">
            {conversation.lastMessageBody ? (
              <>
                {conversation.flagged && !conversation.fromMe ? (
                  <strong className="conversation-list__flag">Asks to move off MegiLance: </strong>
                ) : null}
                {conversation.fromMe ? 'You: ' : ''}
                {preview(conversation.lastMessageBody)}
              </>
            ) : (
              <span className="muted">No messages yet.</span>
            )}
          </p>
        </li>
      ))}
    </ul>
  )
}
