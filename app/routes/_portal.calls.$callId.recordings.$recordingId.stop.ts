import { type ActionFunctionArgs } from '@remix-run/node'
import { json } from '~/http/json.server'
import * as z from 'zod'
import { requireUser } from '~/http/auth.server'
import { readFormData } from '~/http/form-data.server'
import { answerDomainErrors } from '~/http/outcome-response.server'
import { stopRecording } from '~/services/video/recordings.server'

const StopSchema = z.object({ recordedMs: z.coerce.number().int().min(0).max(1e9).optional() })

/** Ends the recording; its recorder posts here after the last chunk, with how long it recorded. */
export const action = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireUser(request)
  const parsed = StopSchema.safeParse(Object.fromEntries(await readFormData(request)))
  await stopRecording(user, params.callId, params.recordingId, parsed.success ? parsed.data.recordedMs : undefined)
  return json({ stopped: true })
})
