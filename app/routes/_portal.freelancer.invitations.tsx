import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { listInvitationsOfFreelancer } from '~/models/projects.server'
import { DeclineInvitationSchema } from '~/services/marketplace/project-schemas'
import {
  acceptInvitation,
  declineInvitation,
  syncInvitationsWithProposals,
} from '~/services/marketplace/projects.server'
import { requireRole } from '~/http/auth.server'
import { formatDate } from '~/utils/format'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { CardSection } from '~/components/ui/card-section'
import { IntentButtonForm } from '~/components/ui/intent-button-form'
import { DataTable } from '~/components/ui/data-table'
import { PageHeader } from '~/components/ui/page-header'
import { answerDomainErrors } from '~/http/outcome-response.server'
import { detectOffPlatformInPost } from '~/services/messaging/off-platform'
import { OffPlatformNotice } from '~/components/messaging/off-platform-notice'
import { bareIntents, parseIntent } from '~/http/intent.server'

export const meta: MetaFunction = () => [{ title: 'Invitations · MegiLance' }]

export const loader = /* @__PURE__ */ answerDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, 'freelancer')
  await syncInvitationsWithProposals(user.id)
  // A client's message asking to move contact off MegiLance is flagged as a message would be.
  const invitations = (await listInvitationsOfFreelancer(user.id)).map((invitation) => ({
    ...invitation,
    offPlatformReasons: invitation.message ? detectOffPlatformInPost(invitation.message) : [],
  }))
  return json({
    pending: invitations.filter((invitation) => invitation.status === 'pending'),
    answered: invitations.filter((invitation) => invitation.status !== 'pending'),
  })
})

const IntentSchema = /* @__PURE__ */ bareIntents('accept', 'decline')

export const action = /* @__PURE__ */ answerDomainErrors(async ({ request }: ActionFunctionArgs) => {
  const user = await requireRole(request, 'freelancer')
  const formData = await readFormData(request)
  const { intent } = parseIntent(formData, IntentSchema)
  if (intent === 'accept') {
    const project = await acceptInvitation(String(formData.get('invitationId') ?? ''), user)
    return redirect(`/projects/${project.id}/propose`)
  }
  const submission = parseWithZod(formData, { schema: DeclineInvitationSchema })
  if (submission.status !== 'success') {
    return json(
      {
        invitationId: String(formData.get('invitationId') ?? ''),
        reason: String(formData.get('reason') ?? ''),
        error: submission.error?.reason?.[0] ?? 'Check the reason.',
      },
      { status: 400 },
    )
  }
  const project = await declineInvitation(submission.value.invitationId, user, submission.value.reason)
  return redirectWithToast('/freelancer/invitations', {
    kind: 'success',
    message: `You declined the invitation to “${project.title}”.`,
  })
})

const STATUS_LABELS = { pending: 'Waiting for you', accepted: 'Accepted', declined: 'Declined' } as const

export default function FreelancerInvitations() {
  const { pending, answered } = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>()
  return (
    <>
      <PageHeader title="Invitations">
        <p className="muted">Clients who would like a proposal from you. Accepting means writing a proposal.</p>
      </PageHeader>
      <CardSection id="pending-heading" title="Waiting for your answer">
        {pending.length ? (
          <ul className="list">
            {pending.map((invitation) => {
              const open = invitation.projectStatus === 'open' && !invitation.projectHidden
              return (
                <li key={invitation.id}>
                  <article className="project-summary" aria-label={invitation.projectTitle}>
                    <h3 className="project-summary__title">
                      <Link to={`/projects/${invitation.projectId}`}>{invitation.projectTitle}</Link>
                    </h3>
                    <p className="project-summary__meta">
                      <span>From {invitation.clientName}</span>
                      <span>Invited {formatDate(invitation.createdAt)}</span>
                      {open ? null : <span className="badge badge--closed">No longer open</span>}
                    </p>
                    {invitation.message ? (
                      <>
                        <OffPlatformNotice reasons={invitation.offPlatformReasons} what="invitation" own={false} />
                        <p>
                          <q>{invitation.message}</q>
                        </p>
                      </>
                    ) : null}
                    <div className="action-row">
                      {open ? (
                        <IntentButtonForm
                          intent="accept"
                          record={{ name: 'invitationId', value: invitation.id }}
                          className="button button--primary"
                        >
                          Accept and write a proposal
                        </IntentButtonForm>
                      ) : null}
                      <Link to={`/projects/${invitation.projectId}`} className="button button--ghost">
                        Open the project
                      </Link>
                    </div>
                    <details open={failed?.invitationId === invitation.id || undefined}>
                      <summary>Decline</summary>
                      <Form method="post" className="form-stack">
                        <input type="hidden" name="invitationId" value={invitation.id} />
                        <div className="field">
                          <label htmlFor={`reason-${invitation.id}`}>Reason (optional, the client sees it)</label>
                          <textarea
                            id={`reason-${invitation.id}`}
                            name="reason"
                            rows={2}
                            maxLength={1000}
                            defaultValue={failed?.invitationId === invitation.id ? failed.reason : undefined}
                          />
                          {failed && failed.invitationId === invitation.id ? (
                            <ul className="field__errors">
                              <li>{failed.error}</li>
                            </ul>
                          ) : null}
                        </div>
                        <button type="submit" name="intent" value="decline" className="button button--secondary">
                          Decline invitation
                        </button>
                      </Form>
                    </details>
                  </article>
                </li>
              )
            })}
          </ul>
        ) : (
          <p className="muted">
            No invitations are waiting for you. Clients invite freelancers whose profiles match; meanwhile,{' '}
            <Link to="/projects">find work</Link> yourself.
          </p>
        )}
      </CardSection>
      <CardSection id="answered-heading" title="Answered">
        {answered.length ? (
          <DataTable
            caption="Answered invitations"
            columns={['Project', 'Answer', { label: 'Invited', className: 'hide-narrow' }]}
          >
            {answered.map((invitation) => (
              <tr key={invitation.id}>
                <td>
                  <Link to={`/projects/${invitation.projectId}`}>{invitation.projectTitle}</Link>
                  <span className="cell-detail">From {invitation.clientName}</span>
                </td>
                <td>
                  {STATUS_LABELS[invitation.status]}
                  {invitation.respondedAt ? (
                    <span className="cell-detail">{formatDate(invitation.respondedAt)}</span>
                  ) : null}
                </td>
                <td className="hide-narrow">{formatDate(invitation.createdAt)}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p className="muted">Nothing answered yet.</p>
        )}
      </CardSection>
    </>
  )
}
