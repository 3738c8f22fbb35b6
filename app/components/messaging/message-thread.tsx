import { Link } from '@remix-run/react'
import { reportHref } from '~/services/help/contact-topics'
import { describeReasons } from '~/services/messaging/off-platform-reasons'
import { formatDateTime } from '~/utils/format'

export type ThreadMessage = {
  id: string
  senderId: string
  senderName: string
  body: string
  offPlatformReasons: string[]
  createdAt: string
  attachments: { uploadId: string; name: string; contentType: string; sizeBytes: number }[]
}

function size(bytes: number) {
  if (bytes < 1000) return `${bytes} B`
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`
  return `${(bytes / 1_000_000).toFixed(1)} MB`
}

/** What a flagged message looks like to the one who receives it (and to admins). */
function OffPlatformWarning({ reasons, mine, about }: { reasons: string[]; mine: boolean; about: string }) {
  if (mine) {
    return (
      <p className="message__flag" role="note">
        Flagged for review: your message contains {describeReasons(reasons)}. Keep talking and paying on MegiLance so
        escrow protects you both.
      </p>
    )
  }
  return (
    <div className="message__warning" role="alert">
      <strong>This message asks to move off MegiLance.</strong> It contains {describeReasons(reasons)}. Payments outside
      MegiLance are not protected by escrow, and MegiLance never asks you to pay another way. Our team has been told;{' '}
      <Link to={reportHref(about)}>tell them more</Link> if it looks like a scam.
    </div>
  )
}

export function MessageThread({
  conversationId,
  messages,
  viewerId,
}: {
  conversationId: string
  messages: ThreadMessage[]
  viewerId: string
}) {
  if (!messages.length) return <p className="empty">No messages yet. Say hello and ask your questions here.</p>
  return (
    <>
      <ol className="message-thread" aria-label="Messages">
        {messages.map((message) => {
          const mine = message.senderId === viewerId
          return (
            <li key={message.id} className={mine ? 'message message--mine' : 'message'}>
              <article aria-label={`Message from ${mine ? 'you' : message.senderName}`}>
                <header className="message__meta">
                  <strong>{mine ? 'You' : message.senderName}</strong>{' '}
                  <time dateTime={message.createdAt} className="muted">
                    {formatDateTime(message.createdAt)}
                  </time>
                </header>
                {message.offPlatformReasons.length ? (
                  <OffPlatformWarning
                    reasons={message.offPlatformReasons}
                    mine={mine}
                    about={`/messages/${conversationId}`}
                  />
                ) : null}
                <p className="message__body">{message.body}</p>
                {message.attachments.length ? (
                  <ul className="message__files" aria-label="Attachments">
                    {message.attachments.map((file) => (
                      <li key={file.uploadId}>
                        <a
                          href={`/messages/${conversationId}/files/${file.uploadId}`}
                          download={file.contentType.startsWith('image/') ? undefined : file.name}
                        >
                          {file.name}
                        </a>{' '}
                        <span className="muted">({size(file.sizeBytes)})</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </article>
            </li>
          )
        })}
      </ol>
      {messages.some((message) => message.senderId !== viewerId) ? (
        <p className="muted">
          Asked to pay or talk outside MegiLance, or for your password or a code?{' '}
          <Link to={reportHref(`/messages/${conversationId}`)}>Report it to our team</Link>.
        </p>
      ) : null}
    </>
  )
}
