import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { MeetingActions } from '~/components/meetings/meeting-actions'
import { MissingAvailability } from '~/components/meetings/missing-availability'
import { SlotPicker } from '~/components/meetings/slot-picker'
import { CardSection } from '~/components/ui/card-section'
import { PageHeader } from '~/components/ui/page-header'
import { requireRole } from '~/http/auth.server'
import { readFormData } from '~/http/form-data.server'
import { bareIntents, parseIntent } from '~/http/intent.server'
import { answerDomainErrors, statusOf } from '~/http/outcome-response.server'
import { redirectWithToast } from '~/http/toast.server'
import { RescheduleMeetingSchema } from '~/services/meetings/meeting-schemas'
import { cancelMeeting, loadMeetingPage, rescheduleMeeting } from '~/services/meetings/meetings.server'
import { RescheduleMeetingConstraint } from '~/components/ui/form-constraints/reschedule-meeting'
import { useZodForm } from '~/components/ui/use-zod-form'
import { AlertMessage } from '~/components/ui/alert-message'
import { keepRetryAfter } from '~/http/retry-after-headers.server'
import { retryAfterHeaders, tooManyAttempts } from '~/http/too-many-attempts.server'
import { Throttled } from '~/services/security/throttle.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.meeting.title ?? 'Meeting'} · Meetings · MegiLance` },
]

export const headers = keepRetryAfter

export const loader = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, 'client', 'freelancer')
  return json(await loadMeetingPage(user, params.meetingId))
})

const IntentSchema = /* @__PURE__ */ bareIntents('reschedule', 'cancel')

export const action = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireRole(request, 'client', 'freelancer')
  const formData = await readFormData(request)
  const { intent } = parseIntent(formData, IntentSchema)
  if (intent === 'cancel') {
    let outcome: Awaited<ReturnType<typeof cancelMeeting>>
    try {
      outcome = await cancelMeeting(user, params.meetingId)
    } catch (error) {
      if (!(error instanceof Throttled)) throw error
      return json({ conflict: error.message }, { status: 429, headers: retryAfterHeaders(error) })
    }
    if (!outcome.ok) return json({ conflict: outcome.message }, { status: statusOf(outcome) })
    return redirectWithToast('/meetings', {
      kind: 'success',
      message: `Meeting cancelled: “${outcome.meeting.title}”. You both have a cancellation for your calendars.`,
    })
  }
  const submission = parseWithZod(formData, { schema: RescheduleMeetingSchema })
  if (submission.status !== 'success') return json({ reply: submission.reply() }, { status: 400 })
  let outcome: Awaited<ReturnType<typeof rescheduleMeeting>>
  try {
    outcome = await rescheduleMeeting(user, params.meetingId, submission.value.slot)
  } catch (error) {
    if (!(error instanceof Throttled)) throw error
    // The reschedule form shows its refusals at the time it offers (no form-wide message there).
    return tooManyAttempts(error, (formErrors) => ({ reply: submission.reply({ fieldErrors: { slot: formErrors } }) }))
  }
  if (!outcome.ok)
    return json(
      { reply: submission.reply({ fieldErrors: { slot: [outcome.message] } }) },
      { status: statusOf(outcome) },
    )
  return redirectWithToast(`/meetings/${outcome.meeting.id}`, {
    kind: 'success',
    message: `Meeting moved: “${outcome.meeting.title}”. You both have an updated invitation.`,
  })
})

export default function MeetingPage() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const { meeting } = data
  const [form, fields] = useZodForm(RescheduleMeetingConstraint, {
    id: 'reschedule-meeting',
    lastResult: actionData && 'reply' in actionData ? actionData.reply : undefined,
  })
  const confirmingCancel = searchParams.get('confirm') === 'cancel' && meeting.canCancel
  return (
    <>
      <PageHeader back={{ to: '/meetings', label: 'Meetings' }} title={meeting.title}>
        <p className="muted">
          With {meeting.otherName} · {meeting.upcoming ? 'next' : 'last'} {meeting.when} ({data.zone}) ·{' '}
          {meeting.durationMinutes} minutes · {meeting.repeats}
          {meeting.status === 'cancelled' ? ' · Cancelled' : ''}
        </p>
      </PageHeader>
      <AlertMessage message={actionData && 'conflict' in actionData ? actionData.conflict : null} />
      <CardSection id="agenda-heading" title="Agenda">
        {meeting.agenda ? (
          <p className="meeting-detail-agenda">{meeting.agenda}</p>
        ) : (
          <p className="muted">No agenda.</p>
        )}
        <MeetingActions meeting={meeting} showDetailsLink={false} />
      </CardSection>
      {confirmingCancel ? (
        <CardSection id="cancel-heading" title="Cancel this meeting?" className="callout">
          <p>
            {meeting.repeats === 'Once' ? 'The meeting' : 'Every remaining time'} is cancelled for both of you, and your
            calendars get a cancellation.
          </p>
          <Form method="post" className="form-inline">
            <button type="submit" name="intent" value="cancel" className="button button--danger">
              Yes, cancel the meeting
            </button>
            <Link to={`/meetings/${meeting.id}`}>Keep it</Link>
          </Form>
        </CardSection>
      ) : null}
      {meeting.canReschedule ? (
        <CardSection id="reschedule-heading" title="Reschedule">
          <p className="muted">
            Pick a new first time; the meeting keeps its length and how it repeats. You both get an updated invitation.
          </p>
          {data.missing ? <MissingAvailability missing={data.missing} otherName={meeting.otherName} /> : null}
          <Form method="post" {...getFormProps(form)} className="form-stack">
            <SlotPicker meta={fields.slot} days={data.days} zone={data.zone} />
            <button type="submit" name="intent" value="reschedule" className="button button--primary">
              Move the meeting
            </button>
          </Form>
        </CardSection>
      ) : null}
    </>
  )
}
