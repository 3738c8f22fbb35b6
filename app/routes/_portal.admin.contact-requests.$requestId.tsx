import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CardSection } from '~/components/ui/card-section'
import { TextareaField } from '~/components/ui/field'
import { findContactRequest } from '~/models/contact-requests.server'
import { ContactReplySchema } from '~/services/help/contact-schemas'
import { answerContactRequest, loadContactRequest } from '~/services/help/contact.server'
import { requireRole } from '~/http/auth.server'
import { originOf } from '~/services/security/context'
import { recordAdminAction } from '~/services/security/events.server'
import { formatDateTime } from '~/utils/format'
import { readFormData } from '~/http/form-data.server'
import { requireRecord } from '~/http/not-found.server'
import { redirectWithToast } from '~/http/toast.server'
import { refusalResponse } from '~/http/outcome-response.server'
import { SubmitButton } from '~/components/ui/submit-button'
import { useZodForm } from '~/components/ui/use-zod-form'
import { ContactReplyConstraint } from '~/components/ui/form-constraints/contact-reply'

export const meta: MetaFunction = () => [{ title: 'Contact request · Admin · MegiLance' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return json(await requireRecord(params.requestId, loadContactRequest))
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const contactRequest = await requireRecord(params.requestId, findContactRequest)
  const submission = parseWithZod(await readFormData(request), { schema: ContactReplySchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const outcome = await answerContactRequest(contactRequest, submission.value.reply)
  if (!outcome.ok) throw refusalResponse(outcome)
  await recordAdminAction(
    admin,
    originOf(request, context.clientIp),
    `Answered the contact request of ${contactRequest.email} (${contactRequest.id})`,
  )
  return redirectWithToast('/admin/contact-requests', {
    kind: 'success',
    message: `Answer emailed to ${contactRequest.email}; the request is marked answered.`,
  })
}

export default function AdminContactRequest() {
  const { request, subjectName, replies } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useZodForm(ContactReplyConstraint, { id: 'contact-reply', lastResult })
  return (
    <>
      <header className="page-header">
        <p>
          <Link to={`/admin/contact-requests?status=${request.status}`}>← Contact requests</Link>
        </p>
        <h1>
          {request.topicLabel} <span className="muted">{request.reference}</span>
        </h1>
        <p>
          <span className={`badge badge--${request.status === 'open' ? 'open' : 'stored'}`}>{request.status}</span> From{' '}
          {request.name} &lt;{request.email}&gt;, {formatDateTime(request.createdAt)}
          {request.userId ? (
            <>
              {' '}
              · <Link to={`/admin/users/${request.userId}`}>their account</Link>
            </>
          ) : (
            ' · not signed in'
          )}
        </p>
      </header>
      <article className="card" aria-label="Their message">
        <h2>Their message</h2>
        <p className="review__comment">{request.message}</p>
        {request.aboutPath ? <ReportedItem request={request} subjectName={subjectName} /> : null}
      </article>
      {request.status === 'open' ? (
        <CardSection id="reply-heading" title="Answer">
          <Form method="post" {...getFormProps(form)} className="form-stack">
            <TextareaField
              label="Reply"
              meta={fields.reply}
              rows={7}
              hint={`Emailed to ${request.email}, quoting their message. The request is then marked answered.`}
            />
            <SubmitButton>Send answer and mark answered</SubmitButton>
          </Form>
        </CardSection>
      ) : (
        <CardSection id="replies-heading" title="Answer sent">
          {replies.length ? (
            replies.map((reply) => (
              <p key={reply.id}>
                <Link to={`/admin/outbox/${reply.id}`}>{reply.subject}</Link>{' '}
                <span className="muted">{formatDateTime(reply.createdAt)}</span>
              </p>
            ))
          ) : (
            <p className="muted">The answer email is no longer in the outbox.</p>
          )}
        </CardSection>
      )}
    </>
  )
}

/** What a report is about: the page, the person behind it and their fraud-desk alert. */
function ReportedItem({
  request,
  subjectName,
}: {
  request: { aboutPath: string | null; subjectId: string | null; fraudAlertId: string | null }
  subjectName: string | null
}) {
  return (
    <section aria-labelledby="reported-heading">
      <h3 id="reported-heading">What is reported</h3>
      <dl className="profile-facts">
        <div>
          <dt>About the page</dt>
          <dd>
            <Link to={request.aboutPath ?? '/'}>{request.aboutPath}</Link>
          </dd>
        </div>
        {request.subjectId ? (
          <div>
            <dt>Reported person</dt>
            <dd>
              <Link to={`/admin/users/${request.subjectId}`}>{subjectName ?? 'their account'}</Link>
            </dd>
          </div>
        ) : null}
        {request.fraudAlertId ? (
          <div>
            <dt>Fraud desk</dt>
            <dd>
              <Link to={`/admin/fraud/${request.fraudAlertId}`}>Every report about {subjectName ?? 'them'}</Link>
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  )
}
