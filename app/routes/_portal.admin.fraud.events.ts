import type { LoaderFunctionArgs } from '@remix-run/node'
import { eventStreamResponse } from '~/http/event-stream.server'
import { requireSession } from '~/http/auth.server'
import { adminFraudAlertEventStream } from '~/services/messaging/live.server'

/** Server-sent events for the fraud desk: one "fraud-alert" event per raised or updated alert, admins only. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, sessionId } = await requireSession(request)
  if (user.role !== 'admin') throw new Response('This page is for admin accounts.', { status: 403 })
  return eventStreamResponse(adminFraudAlertEventStream(request.signal, { userId: user.id, sessionId }))
}
