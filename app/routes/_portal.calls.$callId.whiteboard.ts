import type { ActionFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/http/auth.server'
import { readFormData } from '~/http/form-data.server'
import { answerDomainErrors, refusalResponse } from '~/http/outcome-response.server'
import { requireCallAccess } from '~/services/video/calls.server'
import { saveCallWhiteboard } from '~/services/video/whiteboard.server'

/**
 * The room saves the call's whiteboard here (form fields `strokes`, the JSON of the strokes shown, and
 * `time`, the board's logical time).
 * The call's participants only; anyone else gets 404. A refusal answers with its message as text.
 */
export const action = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireUser(request)
  const { call } = await requireCallAccess(user, params.callId)
  const form = await readFormData(request)
  const strokes = form.get('strokes')
  const outcome = await saveCallWhiteboard(
    call.id,
    typeof strokes === 'string' ? strokes : '',
    Number(form.get('time') ?? 0),
  )
  if (!outcome.ok) return refusalResponse(outcome)
  return new Response(null, { status: 204 })
})
