import { type ActionFunctionArgs } from '@remix-run/node'
import { json } from '~/http/json.server'
import { requireUser } from '~/http/auth.server'
import { answerDomainErrors, statusOf } from '~/http/outcome-response.server'
import { admitToCall, requireCallAccess } from '~/services/video/calls.server'

/**
 * The room asks here (fetch, POST) for a peer id and a short-lived token before it connects to
 * the PeerServer, and again when it rejoins. A full call answers 409 with the reason.
 */
export const action = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireUser(request)
  const access = await requireCallAccess(user, params.callId)
  const admission = await admitToCall(user, access)
  if (!admission.ok) return json({ ok: false as const, message: admission.message }, { status: statusOf(admission) })
  return json(admission, { headers: { 'Cache-Control': 'no-store' } })
})
