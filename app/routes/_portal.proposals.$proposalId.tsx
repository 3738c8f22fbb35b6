import { bareIntents, parseIntent } from '~/http/intent.server'
import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { AcceptTerms } from '~/components/proposals/accept-terms'
import { ProposalDetails } from '~/components/proposals/proposal-details'
import { SuccessEstimate } from '~/components/proposals/success-estimate'
import { CardSection } from '~/components/ui/card-section'
import { IntentButtonForm } from '~/components/ui/intent-button-form'
import { TextareaField } from '~/components/ui/field'
import { proposalSuccess } from '~/services/ai/success-model.server'
import { feePreview } from '~/services/payments/ledger/escrow.server'
import { availableActions } from '~/services/marketplace/proposal-rules'
import { AcceptProposalSchema, DeclineProposalSchema } from '~/services/marketplace/proposal-schemas'
import {
  acceptAndStartContract,
  declineProposal,
  findProposal,
  openProposal,
  proposalRoleOf,
  shortlistProposal,
  withdrawProposal,
} from '~/services/marketplace/proposals.server'
import { requireUser } from '~/http/auth.server'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { refusalResponse } from '~/http/outcome-response.server'
import { useZodForm } from '~/components/ui/use-zod-form'
import { DeclineProposalConstraint } from '~/components/ui/form-constraints/decline-proposal'
import { AlertMessage } from '~/components/ui/alert-message'
import { ReportLink } from '~/components/help/report-link'

export const meta: MetaFunction = () => [{ title: 'Proposal · MegiLance' }]

/** The proposal, for its freelancer, the project's client or an admin; 404 for anyone else. */
async function requireProposal(request: Request, proposalId: string | undefined) {
  const user = await requireUser(request)
  const found = proposalId ? await findProposal(proposalId) : undefined
  const role = found ? proposalRoleOf(found, user) : null
  if (!found || !role) throw new Response('Not found', { status: 404 })
  return { user, found, role }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { found, role } = await requireProposal(request, params.proposalId)
  const view = await openProposal(found, role)
  // Only the client still choosing sees the estimate and the fee on the bid.
  const choosing = role === 'client' && view.proposal.status === 'submitted'
  const success = choosing ? await proposalSuccess(found.project, found.proposal) : null
  const { percent, feeMinor, netMinor } = feePreview(view.proposal.bidAmountMinor)
  return json({
    ...view,
    role,
    success,
    fee: choosing ? { percent, feeMinor, netMinor } : null,
    actions: availableActions(role, { status: view.proposal.status, shortlisted: view.proposal.shortlisted }),
  })
}

const IntentSchema = /* @__PURE__ */ bareIntents('shortlist', 'unshortlist', 'decline', 'accept', 'withdraw')

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, found, role } = await requireProposal(request, params.proposalId)
  const formData = await readFormData(request)
  const { intent } = parseIntent(formData, IntentSchema)
  const back = `/proposals/${found.proposal.id}`
  const needed = intent === 'withdraw' ? 'freelancer' : 'client'
  if (role !== needed) throw new Response(`Only the project’s ${needed} can do that.`, { status: 403 })

  if (intent === 'decline') {
    const submission = parseWithZod(formData, { schema: DeclineProposalSchema })
    if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
    const outcome = await declineProposal(found, submission.value.reason)
    if (!outcome.ok) throw refusalResponse(outcome)
    return redirectWithToast(back, {
      kind: 'success',
      message: `${found.freelancerName}’s proposal is declined; they can read your reason.`,
    })
  }
  if (intent === 'accept') {
    const submission = parseWithZod(formData, { schema: AcceptProposalSchema })
    if (submission.status !== 'success') throw new Response('Reload the proposal and accept again.', { status: 400 })
    const outcome = await acceptAndStartContract(found, user, submission.value.revision)
    // Changed terms: the page again, with the new terms and why nothing was accepted.
    if (!outcome.ok && 'changed' in outcome) return json({ changedTerms: outcome.message }, { status: 409 })
    if (!outcome.ok) throw refusalResponse(outcome)
    return redirectWithToast(`/contracts/${outcome.contractId}`, {
      kind: 'success',
      message: `You hired ${found.freelancerName}. The contract has started and the project is closed.`,
    })
  }
  if (intent === 'withdraw') {
    const outcome = await withdrawProposal(found)
    if (!outcome.ok) throw refusalResponse(outcome)
    return redirectWithToast(back, { kind: 'success', message: 'Your proposal is withdrawn.' })
  }
  const shortlisted = intent === 'shortlist'
  const outcome = await shortlistProposal(found, shortlisted)
  if (!outcome.ok) throw refusalResponse(outcome)
  return redirectWithToast(back, {
    kind: 'success',
    message: shortlisted ? 'Added to your shortlist.' : 'Removed from your shortlist.',
  })
}

export default function ProposalPage() {
  const { proposal, project, milestones, contractId, role, actions, success, fee } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const changedTerms = actionData && 'changedTerms' in actionData ? actionData.changedTerms : null
  // After "changed this proposal" the alert shows before the page's new terms (and their revision) have
  // loaded: accepting waits for them, or it would name the old revision again.
  const settling = useNavigation().state !== 'idle'
  const isParty = role !== 'admin'
  return (
    <>
      <header className="page-header">
        <p>
          <Link to={role === 'client' ? `/projects/${project.id}/proposals` : `/projects/${project.id}`}>
            ← {role === 'client' ? `Proposals for ${project.title}` : project.title}
          </Link>
        </p>
        <h1>{role === 'freelancer' ? 'Your proposal' : `Proposal from ${proposal.freelancerName}`}</h1>
        <p className="muted">
          For <Link to={`/projects/${project.id}`}>{project.title}</Link>
          {role === 'client' && proposal.shortlisted ? (
            <>
              {' '}
              · <span className="badge badge--stored">Shortlisted</span>
            </>
          ) : null}
        </p>
        {role === 'client' ? <ReportLink about={`/proposals/${proposal.id}`} what="this proposal" /> : null}
      </header>
      <AlertMessage message={changedTerms} />
      <ProposalDetails
        proposal={proposal}
        milestones={milestones}
        showViewed={role !== 'client'}
        isAuthor={role === 'freelancer'}
      />
      {success ? <SuccessEstimate estimate={success} freelancerName={proposal.freelancerName} /> : null}
      <CardSection id="next-heading" title="Next steps">
        <ul className="link-list">
          {isParty ? (
            <li>
              <Link to={`/messages/for/proposal/${proposal.id}`}>
                {role === 'client' ? `Message ${proposal.freelancerName}` : 'Message the client'}
              </Link>
            </li>
          ) : null}
          {contractId ? (
            <li>
              <Link to={`/contracts/${contractId}`}>Open the contract</Link>
            </li>
          ) : null}
          {actions.includes('edit') ? (
            <li>
              <Link to={`/proposals/${proposal.id}/edit`}>Edit proposal</Link>
            </li>
          ) : null}
        </ul>
        {proposal.status !== 'submitted' ? (
          <p className="muted">This proposal is decided; nothing more can be done with it.</p>
        ) : null}
        <div className="proposal-actions">
          {actions.includes('shortlist') ? <IntentButtonForm intent="shortlist">Shortlist</IntentButtonForm> : null}
          {actions.includes('unshortlist') ? (
            <IntentButtonForm intent="unshortlist">Remove from shortlist</IntentButtonForm>
          ) : null}
          {actions.includes('withdraw') ? (
            <IntentButtonForm intent="withdraw" className="button button--danger">
              Withdraw proposal
            </IntentButtonForm>
          ) : null}
        </div>
        {actions.includes('accept') && fee ? (
          <Form method="post" className="form-stack">
            <AcceptTerms freelancerName={proposal.freelancerName} bid={proposal} fee={fee} />
            {/* The terms shown: if the freelancer edits them meanwhile, accepting is refused. */}
            <input type="hidden" name="revision" value={proposal.revision} />
            <button
              type="submit"
              name="intent"
              value="accept"
              className="button button--primary button--wrap"
              disabled={settling}
            >
              Accept and start the contract
            </button>
          </Form>
        ) : null}
        {actions.includes('decline') ? (
          <DeclineForm lastResult={actionData && 'changedTerms' in actionData ? undefined : actionData} />
        ) : null}
      </CardSection>
    </>
  )
}

function DeclineForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useZodForm(DeclineProposalConstraint, { id: 'decline', lastResult })
  return (
    <Form method="post" {...getFormProps(form)} className="form-stack proposal-decline">
      <h3>Decline</h3>
      <TextareaField label="Reason for declining" meta={fields.reason} rows={3} hint="The freelancer reads this." />
      <button type="submit" name="intent" value="decline" className="button button--danger">
        Decline proposal
      </button>
    </Form>
  )
}
