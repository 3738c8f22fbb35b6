import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { MILESTONE_MINIMUM_USD } from '~/domain/paid-work'
import { dollarsInMinor } from '~/services/payments/rates/dollar-amounts.server'
import { json } from '~/http/json.server'
import { useActionData, useLoaderData } from '@remix-run/react'
import { ProposalForm } from '~/components/proposals/proposal-form'
import { proposalFormTerms } from '~/services/marketplace/proposal-form-terms.server'
import { listProposalMilestones } from '~/models/proposals.server'
import { actionProblem } from '~/services/marketplace/proposal-rules'
import { proposalSchema } from '~/services/marketplace/proposal-schemas'
import { editProposal, findProposal } from '~/services/marketplace/proposals.server'
import { requireUser } from '~/http/auth.server'
import { currencyDigits } from '~/utils/format'
import { readFormData } from '~/http/form-data.server'
import { minorToAmountText } from '~/utils/money'
import { redirectWithToast } from '~/http/toast.server'
import { refusalResponse } from '~/http/outcome-response.server'
import { CheckOnlySchema, CheckOrSaveIntentSchema } from '~/services/quality/check-schemas'
import { PageHeader } from '~/components/ui/page-header'
import { parseIntent } from '~/http/intent.server'
import { checkCoverLetter } from '~/services/quality/check.server'
import { keepRetryAfter } from '~/http/retry-after-headers.server'
import { tooManyAttempts } from '~/http/too-many-attempts.server'
import { Throttled } from '~/services/security/throttle.server'

export const meta: MetaFunction = () => [{ title: 'Edit proposal · MegiLance' }]

export const headers = keepRetryAfter

/** The freelancer's own proposal while it can still change: 404 for anyone else, 409 once decided. */
async function requireEditable(request: Request, proposalId: string | undefined) {
  const user = await requireUser(request)
  const found = proposalId ? await findProposal(proposalId) : undefined
  if (!found || found.proposal.freelancerId !== user.id) throw new Response('Not found', { status: 404 })
  const problem = actionProblem('freelancer', { status: found.proposal.status, shortlisted: false }, 'edit')
  if (problem) throw new Response(problem, { status: 409 })
  return found
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { proposal, project } = await requireEditable(request, params.proposalId)
  const digits = currencyDigits(proposal.currency)
  const milestones = await listProposalMilestones(proposal.id)
  return json({
    terms: await proposalFormTerms({
      clientId: project.clientId,
      bidType: proposal.bidType,
      currency: proposal.currency,
    }),
    proposalId: proposal.id,
    project: { id: project.id, title: project.title },
    defaults: {
      coverLetter: proposal.coverLetter,
      amount: minorToAmountText(proposal.bidAmountMinor, digits),
      durationDays: String(proposal.durationDays),
      milestones: milestones.map((m) => ({
        title: m.title,
        amount: minorToAmountText(m.amountMinor, digits),
        dueDate: m.dueDate ? m.dueDate.toISOString().slice(0, 10) : '',
      })),
    },
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const found = await requireEditable(request, params.proposalId)
  const formData = await readFormData(request)
  if (parseIntent(formData, CheckOrSaveIntentSchema).intent === 'check') {
    const letter = String(formData.get('coverLetter') ?? '')
    const check = await checkCoverLetter({ letter, freelancerId: found.proposal.freelancerId, project: found.project })
    return json({ result: parseWithZod(formData, { schema: CheckOnlySchema }).reply(), check })
  }
  const { bidType, currency } = found.proposal
  const minimumMinor = await dollarsInMinor(MILESTONE_MINIMUM_USD, currency)
  const schema = proposalSchema({ bidType, currency, minimumMinor })
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success')
    return json({ result: submission.reply(), check: null }, { status: submission.status === 'error' ? 400 : 200 })
  let outcome: Awaited<ReturnType<typeof editProposal>>
  try {
    outcome = await editProposal(found, submission.value)
  } catch (error) {
    if (!(error instanceof Throttled)) throw error
    return tooManyAttempts(error, (formErrors) => ({ result: submission.reply({ formErrors }), check: null }))
  }
  if (!outcome.ok) throw refusalResponse(outcome)
  return redirectWithToast(`/proposals/${found.proposal.id}`, {
    kind: 'success',
    message: 'Your proposal is updated. The client is told.',
  })
}

export default function EditProposalPage() {
  const { proposalId, project, defaults, terms } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  return (
    <>
      <PageHeader back={{ to: `/proposals/${proposalId}`, label: 'Your proposal' }} title="Edit proposal">
        <p className="muted">For {project.title}. You can change it until the client decides.</p>
      </PageHeader>
      <section className="card" aria-label="Your proposal">
        <ProposalForm {...terms} answer={data} defaultValue={defaults} submitLabel="Save changes" />
      </section>
    </>
  )
}
