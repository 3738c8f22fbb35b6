import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { MILESTONE_MINIMUM_USD } from '~/domain/paid-work'
import { dollarsInMinor } from '~/services/payments/rates/dollar-amounts.server'
import { json } from '~/http/json.server'
import { useActionData, useLoaderData } from '@remix-run/react'
import { budgetLabel } from '~/components/project-summary'
import { PriceSuggestionPanel } from '~/components/projects/price-suggestion-panel'
import { ProposalForm } from '~/components/proposals/proposal-form'
import { listSkillsOfProject } from '~/models/projects.server'
import { suggestPriceFor } from '~/services/marketplace/price-suggestion.server'
import { proposalFormTerms } from '~/services/marketplace/proposal-form-terms.server'
import { proposalSchema } from '~/services/marketplace/proposal-schemas'
import { loadProposeContext, submitProposal } from '~/services/marketplace/proposals.server'
import { requireRole } from '~/http/auth.server'
import { formatDate } from '~/utils/format'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { tooManyAttempts } from '~/http/too-many-attempts.server'
import { Throttled } from '~/services/security/throttle.server'
import { ProjectPageHeader } from '~/components/projects/project-page-header'
import { CheckOnlySchema, CheckOrSendIntentSchema } from '~/services/quality/check-schemas'
import { parseIntent } from '~/http/intent.server'
import { checkCoverLetter } from '~/services/quality/check.server'
import { keepRetryAfter } from '~/http/retry-after-headers.server'

/** A 429 answer to the form keeps its Retry-After in the page, with JavaScript or without. */
export const headers = keepRetryAfter

export const meta: MetaFunction = () => [{ title: 'Send a proposal · MegiLance' }]

const ALREADY_SENT =
  'You already sent a proposal for this project. Here it is; you can edit it while the client has not decided.'

/** The open project this freelancer may propose on; their existing proposal instead, if any. */
async function requireProposable(request: Request, projectId: string | undefined) {
  const user = await requireRole(request, 'freelancer')
  const context = await loadProposeContext(projectId ?? '', user.id)
  if (context.kind === 'not_found') throw new Response('Not found', { status: 404 })
  if (context.kind === 'existing')
    throw await redirectWithToast(`/proposals/${context.proposalId}`, { kind: 'info', message: ALREADY_SENT })
  if (context.kind === 'closed') {
    throw new Response('This project is closed and takes no more proposals.', { status: 409 })
  }
  return { user, project: context.project }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, project } = await requireProposable(request, params.projectId)
  const skills = await listSkillsOfProject(project.id)
  const suggestion = skills.length
    ? await suggestPriceFor({
        viewerId: user.id,
        skills,
        level: project.experienceLevel,
        currency: project.currency,
        budgetType: project.budgetType,
      })
    : null
  return json({
    terms: await proposalFormTerms({
      clientId: project.clientId,
      bidType: project.budgetType,
      currency: project.currency,
    }),
    suggestion,
    project: {
      id: project.id,
      title: project.title,
      budgetType: project.budgetType,
      budgetMinMinor: project.budgetMinMinor,
      budgetMaxMinor: project.budgetMaxMinor,
      currency: project.currency,
      createdAt: project.createdAt.toISOString(),
      deadline: project.deadline?.toISOString() ?? null,
    },
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, project } = await requireProposable(request, params.projectId)
  const formData = await readFormData(request)
  if (parseIntent(formData, CheckOrSendIntentSchema).intent === 'check') {
    const letter = String(formData.get('coverLetter') ?? '')
    const check = await checkCoverLetter({ letter, freelancerId: user.id, project })
    return json({ result: parseWithZod(formData, { schema: CheckOnlySchema }).reply(), check })
  }
  const submission = parseWithZod(formData, {
    schema: proposalSchema({
      bidType: project.budgetType,
      currency: project.currency,
      minimumMinor: await dollarsInMinor(MILESTONE_MINIMUM_USD, project.currency),
    }),
  })
  if (submission.status !== 'success')
    return json({ result: submission.reply(), check: null }, { status: submission.status === 'error' ? 400 : 200 })
  let outcome: Awaited<ReturnType<typeof submitProposal>>
  try {
    outcome = await submitProposal(project, user, submission.value)
  } catch (error) {
    if (!(error instanceof Throttled)) throw error
    return tooManyAttempts(error, (formErrors) => ({ result: submission.reply({ formErrors }), check: null }))
  }
  if (!outcome.ok)
    return redirectWithToast(`/proposals/${outcome.existingProposalId}`, { kind: 'info', message: ALREADY_SENT })
  return redirectWithToast(`/proposals/${outcome.proposalId}`, {
    kind: 'success',
    message: 'Your proposal is sent. The client is told, and you will see here when they open it.',
  })
}

export default function ProposePage() {
  const { project, terms, suggestion } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  return (
    <>
      <ProjectPageHeader project={project} title="Send a proposal">
        <p className="muted">
          Client’s budget: {budgetLabel(project)}
          {project.deadline ? `, wanted by ${formatDate(project.deadline)}` : ''}. You can send one proposal per project
          and edit it until the client decides.
        </p>
      </ProjectPageHeader>
      {suggestion ? (
        <div className="card">
          <PriceSuggestionPanel suggestion={suggestion} />
        </div>
      ) : null}
      <section className="card" aria-label="Your proposal">
        <ProposalForm {...terms} answer={data} submitLabel="Send proposal" />
      </section>
    </>
  )
}
