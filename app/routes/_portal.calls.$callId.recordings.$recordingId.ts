import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/http/auth.server'
import { answerDomainErrors } from '~/http/outcome-response.server'
import { recordingResponse } from '~/http/recording-response.server'
import { findRecordingFile, recordingFileName } from '~/services/video/recordings.server'

/** The recording for the call's participants: plays in place with seeking, or `?download` saves it. */
export const loader = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireUser(request)
  const { recording, path, size } = await findRecordingFile(user, params.callId, params.recordingId)
  return recordingResponse(request, {
    path,
    size,
    contentType: recording.contentType,
    fileName: recordingFileName(recording),
    download: new URL(request.url).searchParams.has('download'),
  })
})
