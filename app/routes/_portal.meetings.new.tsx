import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { MissingAvailability } from '~/components/meetings/missing-availability'
import { SlotPicker } from '~/components/meetings/slot-picker'
import { CardSection } from '~/components/ui/card-section'
import { Field, SelectField, TextareaField } from '~/components/ui/field'
import { SubmitButton } from '~/components/ui/submit-button'
import { requireRole } from '~/http/auth.server'
import { readFormData } from '~/http/form-data.server'
import { answerDomainErrors, statusOf } from '~/http/outcome-response.server'
import { redirectWithToast } from '~/http/toast.server'
import { bookMeeting, loadBookingPage, requireContractConversationId } from '~/services/meetings/meetings.server'
import { MEETING_DURATIONS } from '~/services/meetings/meeting-options'
import { BookMeetingSchema, DurationQuerySchema } from '~/services/meetings/meeting-schemas'
import { BookMeetingConstraint } from '~/components/ui/form-constraints/book-meeting'
import { useZodForm } from '~/components/ui/use-zod-form'
import { FormAlert } from '~/components/ui/form-alert'
import { keepRetryAfter } from '~/http/retry-after-headers.server'
import { tooManyAttempts } from '~/http/too-many-attempts.server'
import { Throttled } from '~/services/security/throttle.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Schedule a meeting${data ? ` with ${data.otherName}` : ''} · MegiLance` },
]

export const headers = keepRetryAfter

/** `?conversation=ID` (or `?contract=ID`, which finds the contract's conversation) and the `duration` slots are shown for. */
export const loader = /* @__PURE__ */ answerDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, 'client', 'freelancer')
  const url = new URL(request.url)
  const contractId = url.searchParams.get('contract')
  if (contractId && !url.searchParams.get('conversation'))
    return redirect(`/meetings/new?conversation=${await requireContractConversationId(contractId, user)}`)
  const duration = DurationQuerySchema.parse(url.searchParams.get('duration') ?? undefined)
  return json(await loadBookingPage(user, url.searchParams.get('conversation') ?? undefined, duration))
})

export const action = /* @__PURE__ */ answerDomainErrors(async ({ request }: ActionFunctionArgs) => {
  const user = await requireRole(request, 'client', 'freelancer')
  const formData = await readFormData(request)
  const conversationId = new URL(request.url).searchParams.get('conversation') ?? undefined
  const submission = parseWithZod(formData, { schema: BookMeetingSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  let outcome: Awaited<ReturnType<typeof bookMeeting>>
  try {
    outcome = await bookMeeting(user, conversationId, submission.value)
  } catch (error) {
    if (!(error instanceof Throttled)) throw error
    return tooManyAttempts(error, (formErrors) => submission.reply({ formErrors }))
  }
  if (!outcome.ok)
    return json(submission.reply({ fieldErrors: { [outcome.field ?? 'slot']: [outcome.message] } }), {
      status: statusOf(outcome),
    })
  return redirectWithToast('/meetings', {
    kind: 'success',
    message: `Meeting booked: “${outcome.meeting.title}”. You both have an invitation by email.`,
  })
})

const RECURRENCE_OPTIONS = [
  { value: 'none', label: 'Does not repeat' },
  { value: 'weekly', label: 'Every week' },
  { value: 'biweekly', label: 'Every two weeks' },
]

export default function NewMeeting() {
  const data = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useZodForm(BookMeetingConstraint, {
    id: 'book-meeting',
    lastResult,
    defaultValue: { recurrence: 'none' },
  })
  return (
    <>
      <header className="page-header">
        <p>
          <Link to={`/messages/${data.conversationId}`}>← Conversation</Link> · <Link to="/meetings">Meetings</Link>
        </p>
        <h1>Schedule a meeting with {data.otherName}</h1>
        <p className="muted">
          About “{data.subject}”. Times are shown in your time zone, {data.zone} (
          <Link to="/settings/availability">change it</Link>).
        </p>
      </header>
      {data.missing ? (
        <MissingAvailability missing={data.missing} otherName={data.otherName} conversationId={data.conversationId} />
      ) : null}
      <CardSection id="duration-heading" title="How long?">
        <Form method="get" className="form-inline">
          <input type="hidden" name="conversation" value={data.conversationId} />
          <div className="field">
            <label htmlFor="duration">Duration</label>
            <select id="duration" name="duration" defaultValue={data.durationMinutes}>
              {MEETING_DURATIONS.map((minutes) => (
                <option key={minutes} value={minutes}>
                  {minutes} minutes
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--secondary">
            Show free times
          </button>
        </Form>
      </CardSection>
      <section className="card" aria-labelledby="book-heading">
        <h2 id="book-heading">Book a {data.durationMinutes}-minute meeting</h2>
        {data.days.length ? null : (
          <p>
            No time in the next 14 days suits you both, so there is nothing to book yet.{' '}
            {data.missing ? null : (
              <>
                Widen <Link to="/settings/availability">your hours</Link>, or agree a time with {data.otherName} in{' '}
                <Link to={`/messages/${data.conversationId}`}>your messages</Link>.
              </>
            )}
          </p>
        )}
        {data.days.length ? (
          <Form method="post" {...getFormProps(form)} className="form-stack">
            <FormAlert form={form} labels={{ recurrence: 'Repeats' }} />
            <input type="hidden" name={fields.durationMinutes.name} value={data.durationMinutes} />
            <Field label="Title" meta={fields.title} />
            <TextareaField label="Agenda (optional)" meta={fields.agenda} rows={4} />
            <SlotPicker meta={fields.slot} days={data.days} zone={data.zone} />
            <div className="field-row">
              <SelectField label="Repeats" meta={fields.recurrence} options={RECURRENCE_OPTIONS} />
              <Field
                label="Number of times in all"
                type="number"
                meta={fields.occurrences}
                min={2}
                max={12}
                hint={`When it repeats: 2 to 12. Each time is at the same time of day in ${data.zone} as the first, also after the clocks change.`}
              />
            </div>
            <SubmitButton>Book the meeting</SubmitButton>
          </Form>
        ) : null}
      </section>
    </>
  )
}
