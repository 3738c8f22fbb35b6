import { type ActionFunctionArgs } from '@remix-run/node'
import { json } from '~/http/json.server'
import * as z from 'zod'
import { requireUser } from '~/http/auth.server'
import { readFormData } from '~/http/form-data.server'
import { answerDomainErrors, statusOf } from '~/http/outcome-response.server'
import { startRecording } from '~/services/video/recordings.server'
import { RECORDING_MODES } from '~/domain/enums'

const StartSchema = z.object({ mode: z.enum(RECORDING_MODES), contentType: z.string().max(100) })

/** Starts a recording of the call (the recorder in the room posts here); participants only. */
export const action = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireUser(request)
  const parsed = StartSchema.safeParse(Object.fromEntries(await readFormData(request)))
  if (!parsed.success) return json({ message: 'Choose video or audio to record.' }, { status: 400 })
  const outcome = await startRecording(user, params.callId, parsed.data)
  if (!outcome.ok) return json({ message: outcome.message }, { status: statusOf(outcome) })
  return json({ recordingId: outcome.recording.id }, { status: 201 })
})
