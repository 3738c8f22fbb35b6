import { json, type ActionFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/http/auth.server'
import { answerDomainErrors } from '~/http/outcome-response.server'
import { stopRecording } from '~/services/video/recordings.server'

/** Ends the recording; its recorder posts here after the last chunk has been stored. */
export const action = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireUser(request)
  await stopRecording(user, params.callId, params.recordingId)
  return json({ stopped: true })
})
