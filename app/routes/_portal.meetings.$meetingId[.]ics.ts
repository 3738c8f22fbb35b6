import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/http/auth.server'
import { answerDomainErrors } from '~/http/outcome-response.server'
import { meetingIcsFor } from '~/services/meetings/meetings.server'

/** The meeting's current calendar file (a REQUEST, or a CANCEL once cancelled), for its two people only. */
export const loader = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireUser(request)
  const ics = await meetingIcsFor(user, params.meetingId)
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="meeting-${params.meetingId}.ics"`,
      'Cache-Control': 'private, no-store',
    },
  })
})
