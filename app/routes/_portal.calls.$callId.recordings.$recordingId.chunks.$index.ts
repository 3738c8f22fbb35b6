import { type ActionFunctionArgs } from '@remix-run/node'
import { json } from '~/http/json.server'
import { requireUser } from '~/http/auth.server'
import { answerDomainErrors, statusOf } from '~/http/outcome-response.server'
import { readRecordingChunk } from '~/http/recording-chunk.server'
import { appendRecordingChunk } from '~/services/video/recordings.server'

/** One chunk of MediaRecorder output, numbered from 0; sending one again is acknowledged and ignored. */
export const action = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireUser(request)
  const index = Number(params.index)
  if (!Number.isSafeInteger(index) || index < 0) throw new Response('Not found', { status: 404 })
  const bytes = await readRecordingChunk(request)
  const outcome = await appendRecordingChunk(user, params.callId, params.recordingId, { index, bytes })
  if (!outcome.ok) return json({ message: outcome.message }, { status: statusOf(outcome) })
  return json({ stored: outcome.stored, sizeBytes: outcome.sizeBytes })
})
