import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { budgetLabel } from '~/components/project-summary'
import { closeWithoutHire, reopen, requireOwnProject } from '~/services/marketplace/projects.server'
import { loadProjectPageFor } from '~/services/discovery/public-pages.server'
import { getOptionalSession, requireUser } from '~/http/auth.server'
import { siteOrigin } from '~/utils/env.server'
import { seoMeta } from '~/utils/seo-meta'
import { formatDate, formatDateTime } from '~/utils/format'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { answerDomainErrors } from '~/http/outcome-response.server'
import { ProjectPageIntentSchema } from '~/services/marketplace/project-schemas'
import { parseIntent } from '~/http/intent.server'
import { SkillTags } from '~/components/projects/skill-tags'
import { MatchBreakdown } from '~/components/matching/match-breakdown'
import { CardSection } from '~/components/ui/card-section'
import { OffPlatformNotice } from '~/components/messaging/off-platform-notice'
import { IntentButtonForm } from '~/components/ui/intent-button-form'
import { PageHeader } from '~/components/ui/page-header'
import { ReportLink } from '~/components/help/report-link'
import { inviteRecommended } from '~/services/ai/recommendations.server'
import { NotFound } from '~/services/domain-errors'

export const meta: MetaFunction<typeof loader> = ({ data }) => seoMeta(data?.seo, 'Project · MegiLance')

/** Members see the project by their own rules; visitors without an account see public ones. */
export const loader = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const user = (await getOptionalSession(request))?.user ?? null
  return json(await loadProjectPageFor(params.projectId, user, siteOrigin()))
})

export const action = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireUser(request)
  const project = await requireOwnProject(params.projectId, user)
  const form = parseIntent(await readFormData(request), ProjectPageIntentSchema)
  const { intent } = form
  const back = `/projects/${project.id}`
  if (form.intent === 'invite') {
    const name = await inviteRecommended(project, form.freelancerId, user)
    if (!name) throw new NotFound()
    return redirectWithToast(back, {
      kind: 'success',
      message: `${name} is invited. You see their answer on this page.`,
    })
  }
  if (intent === 'close') {
    const told = await closeWithoutHire(project)
    const message = told
      ? `The project is closed. ${told} ${told === 1 ? 'applicant was' : 'applicants were'} told you did not hire.`
      : 'The project is closed.'
    return redirectWithToast(back, { kind: 'success', message })
  }
  await reopen(project)
  return redirectWithToast(back, { kind: 'success', message: 'The project is open again.' })
})

const LEVEL_LABELS = { entry: 'Entry', intermediate: 'Intermediate', expert: 'Expert' } as const

export default function ProjectPage() {
  const data = useLoaderData<typeof loader>()
  const { project, client } = data
  const reviews = client.reviews
  return (
    <>
      <PageHeader
        back={
          data.isOwner ? { to: '/client/projects', label: 'Your projects' } : { to: '/projects', label: 'Find work' }
        }
        title={project.title}
      >
        <p className="project-summary__meta">
          <span className={`badge badge--${project.status}`}>{project.status === 'open' ? 'Open' : 'Closed'}</span>
          {project.visibility === 'invite_only' ? <span className="badge">Invite only</span> : null}
          {project.hiddenAt ? <span className="badge badge--hidden">Hidden</span> : null}
          <span>Posted {formatDate(project.createdAt)}</span>
        </p>
      </PageHeader>

      {project.hiddenAt ? (
        <section className="form-alert" role="alert" aria-label="Hidden by a moderator">
          <p>
            <strong>This project is hidden by a moderator</strong> since {formatDateTime(project.hiddenAt)}; freelancers
            cannot see it.
          </p>
          {project.hiddenReason ? (
            <p>
              Reason: <q>{project.hiddenReason}</q>
            </p>
          ) : null}
        </section>
      ) : null}

      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading" className="visually-hidden">
          Details
        </h2>
        <dl className="project-facts">
          <div>
            <dt>Budget</dt>
            <dd>{budgetLabel(project)}</dd>
          </div>
          <div>
            <dt>Experience level</dt>
            <dd>{LEVEL_LABELS[project.experienceLevel]}</dd>
          </div>
          <div>
            <dt>Deadline</dt>
            <dd>{project.deadline ? formatDate(project.deadline) : 'None given'}</dd>
          </div>
          <div>
            <dt>Client</dt>
            <dd>
              {data.signedIn ? <Link to={`/clients/${client.id}`}>{client.name}</Link> : client.name}
              {client.company ? <span className="cell-detail">{client.company}</span> : null}
              <span className="cell-detail">
                {reviews.count && reviews.average !== null
                  ? `${reviews.average.toFixed(1)} out of 5 from ${reviews.count} ${reviews.count === 1 ? 'review' : 'reviews'}`
                  : 'No reviews yet'}
              </span>
            </dd>
          </div>
        </dl>
        <SkillTags skills={project.skills} />
        <h3>Description</h3>
        <OffPlatformNotice reasons={project.offPlatformReasons} what="project" own={data.isOwner} />
        <p className="project-description">{project.description}</p>
        {project.status === 'closed' ? (
          <p className="muted">
            Closed {project.closedAt ? formatDate(project.closedAt) : ''}
            {project.closeReason === 'hired' ? ' with a hire.' : ' without a hire.'}
          </p>
        ) : null}
        {data.signedIn && !data.isOwner && !data.isAdmin ? (
          <ReportLink about={`/projects/${project.id}`} what="this project" />
        ) : null}
      </section>

      {!data.signedIn && project.status === 'open' ? (
        <CardSection id="apply-heading" title="Apply">
          <p>
            <Link to={`/projects/${project.id}/propose`} className="button button--primary">
              Send a proposal
            </Link>
          </p>
          <p className="field__hint">You sign in or create a free account first, then come back to your proposal.</p>
        </CardSection>
      ) : null}

      {data.isFreelancer ? (
        <CardSection id="apply-heading" title="Your proposal">
          {data.myInvitation?.status === 'pending' ? (
            <p>
              The client invited you to this project.
              {data.myInvitation.message ? (
                <>
                  {' '}
                  Their message: <q>{data.myInvitation.message}</q>
                </>
              ) : null}{' '}
              <Link to="/freelancer/invitations">Answer the invitation</Link>
            </p>
          ) : null}
          {data.myInvitation?.status === 'pending' ? (
            <OffPlatformNotice reasons={data.myInvitation.offPlatformReasons} what="invitation" own={false} />
          ) : null}
          {data.myProposal ? (
            <p>
              <Link to={`/proposals/${data.myProposal.id}`} className="button button--secondary">
                View your proposal
              </Link>
            </p>
          ) : project.status === 'open' ? (
            <p>
              <Link to={`/projects/${project.id}/propose`} className="button button--primary">
                Send a proposal
              </Link>
            </p>
          ) : (
            <p className="muted">This project no longer takes proposals.</p>
          )}
        </CardSection>
      ) : null}

      {data.isOwner ? (
        <CardSection id="manage-heading" title="Manage">
          {data.proposalCounts ? (
            <p>
              {data.proposalCounts.total} {data.proposalCounts.total === 1 ? 'proposal' : 'proposals'},{' '}
              {data.proposalCounts.submitted} waiting for your answer.{' '}
              <Link to={`/projects/${project.id}/proposals`}>Review proposals ({data.proposalCounts.total})</Link>
            </p>
          ) : null}
          <div className="action-row">
            {data.ownerActions.includes('edit') ? (
              <Link to={`/projects/${project.id}/edit`} className="button button--secondary">
                Edit
              </Link>
            ) : null}
            {data.ownerActions.includes('invite') ? (
              <Link to={`/projects/${project.id}/invite`} className="button button--secondary">
                Invite a freelancer
              </Link>
            ) : null}
            {data.ownerActions.includes('close') ? (
              <IntentButtonForm intent="close" className="button button--danger">
                Close without hiring
              </IntentButtonForm>
            ) : null}
            {data.ownerActions.includes('reopen') ? (
              <IntentButtonForm intent="reopen" className="button button--primary">
                Reopen project
              </IntentButtonForm>
            ) : null}
          </div>
          {data.ownerActions.includes('close') ? (
            <p className="field__hint">Closing without hiring tells every freelancer with an open proposal.</p>
          ) : null}
          {data.ownerActions.includes('invite') || data.invitations.length ? (
            <>
              <h3>Invitations answered</h3>
              {data.invitations.length ? (
                <ul className="link-list">
                  {data.invitations.map((invitation) => (
                    <li key={invitation.id}>
                      <Link to={`/freelancers/${invitation.freelancerId}`}>{invitation.freelancerName}</Link> ·{' '}
                      <span className="capitalize">{invitation.status}</span>
                      {invitation.respondedAt ? <> · {formatDate(invitation.respondedAt)}</> : null}
                    </li>
                  ))}
                </ul>
              ) : null}
              <p className="field__hint">A freelancer you invite shows here once they accept or decline.</p>
            </>
          ) : null}
        </CardSection>
      ) : null}

      {data.isOwner && data.ownerActions.includes('invite') ? (
        <CardSection id="recommended-heading" title="Recommended freelancers">
          <p className="muted">
            Ordered by the published matching formula. <Link to="/help/matching">How matching works</Link>
          </p>
          {data.recommended.length ? (
            <ol className="link-list" aria-label="Recommended freelancers">
              {data.recommended.map((freelancer) => (
                <li key={freelancer.id}>
                  <article aria-label={freelancer.name}>
                    <h3>
                      <Link to={`/freelancers/${freelancer.id}`}>{freelancer.name}</Link>
                      {freelancer.headline ? <span className="muted"> · {freelancer.headline}</span> : null}
                    </h3>
                    <MatchBreakdown match={freelancer.match} />
                    <Form method="post">
                      <input type="hidden" name="freelancerId" value={freelancer.id} />
                      <button
                        type="submit"
                        name="intent"
                        value="invite"
                        className="button button--secondary button--wrap"
                      >
                        Invite {freelancer.name}
                      </button>
                    </Form>
                  </article>
                </li>
              ))}
            </ol>
          ) : (
            <p>No freelancer lists these skills or skills near them yet.</p>
          )}
        </CardSection>
      ) : null}

      {data.isAdmin && !data.isOwner ? (
        <p>
          <Link to={`/admin/projects?q=${encodeURIComponent(project.title)}`}>Moderate this project</Link>
          {data.proposalCounts ? ` · ${data.proposalCounts.total} proposals` : ''}
        </p>
      ) : null}
    </>
  )
}
