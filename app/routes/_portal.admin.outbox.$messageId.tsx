import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { findOutboxMessage } from '~/models/outbox.server'
import { findSmsFactor } from '~/models/sms-factors.server'
import { requireRole } from '~/http/auth.server'
import { hidesCodeFrom, withCodesMasked } from '~/services/email/outbox-codes'
import { requireRecord } from '~/http/not-found.server'
import { formatDateTime } from '~/utils/format'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.message.subject ?? 'Email'} · Outbox · MegiLance` },
]

// An admin reads the codes sent to their own address or phone only: others' are masked (outbox-codes.ts).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const message = await requireRecord(params.messageId, findOutboxMessage, 'No email has this id.')
  const phone = (await findSmsFactor(admin.id))?.phoneE164
  const codeMasked = Boolean(message.text) && hidesCodeFrom(message, [admin.email, phone])
  const text = message.text && codeMasked ? withCodesMasked(message.text) : message.text
  return json({ message: { ...message, text }, codeMasked })
}

const DELIVERY = { smtp: 'SMTP', twilio: 'Twilio (text message)', outbox: 'Kept in the offline outbox' } as const

function missingBody(transport: keyof typeof DELIVERY): string {
  if (transport === 'outbox') return 'This message carried a code that has expired, so its text was erased.'
  return `Sent through ${DELIVERY[transport]}: only its delivery is recorded, never its text.`
}

export default function OutboxMessage() {
  const { message, codeMasked } = useLoaderData<typeof loader>()
  return (
    <>
      <p>
        <Link to="/admin/outbox">← Outbox</Link>
      </p>
      <article className="card email" aria-labelledby="email-subject">
        <h1 id="email-subject">{message.subject}</h1>
        <dl className="email__headers">
          <dt>To</dt>
          <dd>{message.to}</dd>
          <dt>Sent</dt>
          <dd>{formatDateTime(message.createdAt)}</dd>
          <dt>Kind</dt>
          <dd>{message.kind.replaceAll('_', ' ')}</dd>
          <dt>Delivery</dt>
          <dd>
            {DELIVERY[message.transport]} · {message.status}
            {message.error ? ` — ${message.error}` : ''}
          </dd>
          {message.text && message.expiresAt ? (
            <>
              <dt>Erased</dt>
              <dd>{formatDateTime(message.expiresAt)}, when its code expires</dd>
            </>
          ) : null}
        </dl>
        {codeMasked ? (
          <p className="callout">
            The code in this message is masked: an admin sees only the one-time codes sent to their own address or
            phone, since whoever reads a code can use it as its owner.
          </p>
        ) : null}
        {message.text ? (
          <pre className="email__body">{message.text}</pre>
        ) : (
          <p className="muted">{missingBody(message.transport)}</p>
        )}
        {message.attachments?.length ? (
          <section aria-labelledby="email-attachments">
            <h2 id="email-attachments">Attachments</h2>
            <ul>
              {message.attachments.map((attachment, index) => (
                <li key={attachment.filename}>
                  <a href={`/admin/outbox/${message.id}/attachments/${index}`} download={attachment.filename}>
                    {attachment.filename}
                  </a>{' '}
                  <span className="muted">({attachment.contentType})</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </article>
    </>
  )
}
