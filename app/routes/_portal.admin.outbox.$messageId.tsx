import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { findOutboxMessage } from '~/models/outbox.server'
import { requireRole } from '~/utils/auth.server'
import { formatDateTime } from '~/utils/format'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.message.subject ?? 'Email'} · Outbox · MegiLance` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const message = params.messageId ? await findOutboxMessage(params.messageId) : undefined
  if (!message) throw new Response('No email has this id.', { status: 404 })
  return json({ message })
}

export default function OutboxMessage() {
  const { message } = useLoaderData<typeof loader>()
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
          <dt>Delivery</dt>
          <dd>
            {message.transport === 'smtp' ? 'SMTP' : 'Kept in the outbox (sandbox)'} · {message.status}
            {message.error ? ` — ${message.error}` : ''}
          </dd>
        </dl>
        <pre className="email__body">{message.text}</pre>
      </article>
    </>
  )
}
