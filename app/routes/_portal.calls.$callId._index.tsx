import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { AttendanceTable } from '~/components/call/attendance-table'
import { CallEndedNotice } from '~/components/call/call-ended-notice'
import { InviteForm } from '~/components/call/invite-form'
import { CardSection } from '~/components/ui/card-section'
import { WhiteboardSnapshot } from '~/components/whiteboard/whiteboard-snapshot'
import { RecordingList } from '~/components/call/recording-list'
import { formatCallDuration } from '~/utils/call-duration'
import { requireUser } from '~/http/auth.server'
import { readFormData } from '~/http/form-data.server'
import { answerDomainErrors, refusalResponse } from '~/http/outcome-response.server'
import { redirectWithToast } from '~/http/toast.server'
import { tooManyAttempts } from '~/http/too-many-attempts.server'
import { Throttled } from '~/services/security/throttle.server'
import { openCallPage } from '~/services/video/call-history.server'
import { InviteToCallSchema } from '~/services/video/call-schemas'
import { inviteToCall, requireCallAccess } from '~/services/video/calls.server'
import { listRecordingViews } from '~/services/video/recordings.server'
import { formatDateTime } from '~/utils/format'
import { pick } from '~/utils/pick'
import { keepRetryAfter } from '~/http/retry-after-headers.server'

/** A 429 answer to the form keeps its Retry-After in the page, with JavaScript or without. */
export const headers = keepRetryAfter

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Call: ${data?.title ?? 'Call'} · MegiLance` }]

/** The call's record: who joined and left when, how long it ran. Its two sides and guests only. */
export const loader = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireUser(request)
  const { call, conversation, asGuest, page } = await openCallPage(user, params.callId)
  // json() writes the dates (start, end, each join and leave, the meeting's) as ISO strings.
  return json({
    ...pick(call, ['id', 'startedAt', 'endedAt']),
    asGuest,
    conversationId: conversation.id,
    ...page,
    recordings: await listRecordingViews(call.id),
  })
})

/** Inviting a guest (the room posts here too). */
export const action = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireUser(request)
  const access = await requireCallAccess(user, params.callId)
  const formData = await readFormData(request)
  const submission = parseWithZod(formData, { schema: InviteToCallSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  let outcome
  try {
    outcome = await inviteToCall(user, access, submission.value.email)
  } catch (error) {
    // Over the quota: under the field, in the room too (a thrown answer would replace the call page).
    if (error instanceof Throttled)
      return tooManyAttempts(error, (messages) => submission.reply({ fieldErrors: { email: messages } }))
    throw error
  }
  if (!outcome.ok && outcome.reason === 'forbidden') throw refusalResponse(outcome)
  if (!outcome.ok) return json(submission.reply({ fieldErrors: { email: [outcome.message] } }), { status: 400 })
  // From the room (JavaScript) the page stays put; without JavaScript, post/redirect/get.
  if (formData.get('live') === '1') return json({ ...submission.reply({ resetForm: true }), invited: outcome.name })
  return redirectWithToast(`/calls/${access.call.id}`, { kind: 'success', message: `${outcome.name} is invited.` })
})

export default function CallPage() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <header className="page-header">
        <p>
          <Link to="/calls">← Calls</Link> · <Link to={data.subjectLink}>{data.title}</Link>
          {data.asGuest ? null : (
            <>
              {' '}
              · <Link to={data.conversationLink}>Messages</Link>
            </>
          )}
        </p>
        <h1>Call: {data.title}</h1>
        <p className="muted">
          Started {formatDateTime(data.startedAt)}
          {data.endedAt ? `, ended ${formatDateTime(data.endedAt)}` : ', still going'} ·{' '}
          {formatCallDuration(data.durationMs)}
          {data.meeting ? ` · for the meeting “${data.meeting.title}”` : null}
        </p>
        {data.joinable ? (
          <p>
            <Link className="button button--primary" to={`/calls/${data.id}/room`}>
              Join the call
            </Link>
          </p>
        ) : null}
      </header>
      {data.endedAt && !data.joinable ? <CallEndedNotice {...data} endedAt={data.endedAt} /> : null}
      <CardSection id="attendance-heading" title="Who joined">
        <AttendanceTable attendance={data.attendance} />
      </CardSection>
      <CardSection id="recordings-heading" title="Recordings">
        <RecordingList recordings={data.recordings} />
      </CardSection>
      <CardSection id="whiteboard-heading" title="Whiteboard">
        <WhiteboardSnapshot strokes={data.whiteboard} title={`The call’s whiteboard: ${data.title}`} />
      </CardSection>
      {data.ongoing && !data.asGuest ? (
        <CardSection id="invite-heading" title="Invite">
          {data.guests.length ? <p>Invited: {data.guests.map((guest) => guest.name).join(', ')}.</p> : null}
          <InviteForm callId={data.id} lastResult={actionData && 'status' in actionData ? actionData : null} />
        </CardSection>
      ) : null}
    </>
  )
}
