import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/http/auth.server'
import { readFormData } from '~/http/form-data.server'
import { answerDomainErrors } from '~/http/outcome-response.server'
import { StartCallSchema } from '~/services/video/call-schemas'
import { startOrJoinCall } from '~/services/video/calls.server'

/**
 * "Start a call" / "Join the call" from a contract, a conversation or a meeting: joins the
 * conversation's ongoing call or starts one, then opens the room. Not one of its sides: 404.
 */
export const action = /* @__PURE__ */ answerDomainErrors(async ({ request }: ActionFunctionArgs) => {
  const user = await requireUser(request)
  const parsed = StartCallSchema.safeParse(Object.fromEntries(await readFormData(request)))
  if (!parsed.success)
    throw new Response('Say which conversation, contract or meeting the call is for.', { status: 400 })
  const call = await startOrJoinCall(user, parsed.data)
  return redirect(`/calls/${call.id}/room`)
})
