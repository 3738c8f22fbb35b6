import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireRole } from '~/http/auth.server'
import { findOutboxMessage } from '~/models/outbox.server'

/** One file an offline-outbox message carried (e.g. a meeting's .ics), downloaded as it was sent. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const message = params.messageId ? await findOutboxMessage(params.messageId) : undefined
  const attachment = message?.attachments?.[Number(params.index)]
  if (!attachment) throw new Response('No such attachment.', { status: 404 })
  const body = attachment.encoding === 'base64' ? Buffer.from(attachment.content, 'base64') : attachment.content
  return new Response(body, {
    headers: {
      'Content-Type': attachment.contentType,
      'Content-Disposition': `attachment; filename="${attachment.filename.replace(/[^\w.-]/g, '_')}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
