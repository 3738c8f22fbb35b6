import { DISPUTE_MACHINE } from '~/domain/dispute-machine'
import { canTake } from '~/domain/state-machine'
import { bareIntents, parseIntent } from '~/http/intent.server'
import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { DisputeSummary } from '~/components/disputes/dispute-summary'
import { EvidenceFileField } from '~/components/disputes/evidence-file-field'
import { CardSection } from '~/components/ui/card-section'
import { Field, RadioGroup, TextareaField } from '~/components/ui/field'
import { findDispute } from '~/models/disputes.server'
import { readUploadForm } from '~/http/upload-form.server'
import { DECISION_LABELS, MAX_DISPUTE_FILE_BYTES } from '~/services/marketplace/dispute-rules'
import { DecideDisputeSchema, RespondDisputeSchema } from '~/services/marketplace/dispute-schemas'
import { decideDispute, isParty, loadDisputeView, respondToDispute } from '~/services/marketplace/disputes.server'
import { milestoneDisputeResolver } from '~/services/payments/ledger/dispute-resolution.server'
import { requireUser } from '~/http/auth.server'
import { requireAdminStepUp, takeKeptAdminForm } from '~/http/step-up.server'
import { currencyDigits, formatDate, formatMoney } from '~/utils/format'
import { amountProblemMessage, readAmount } from '~/utils/money'
import { redirectWithToast } from '~/http/toast.server'
import { refusalReply } from '~/http/form-error.server'
import { refusalResponse, statusOf, answerDomainErrors } from '~/http/outcome-response.server'
import { PageHeader } from '~/components/ui/page-header'
import { useZodForm } from '~/components/ui/use-zod-form'
import { FormAlert } from '~/components/ui/form-alert'
import { DecideDisputeConstraint } from '~/components/ui/form-constraints/decide-dispute'
import { RespondDisputeConstraint } from '~/components/ui/form-constraints/respond-dispute'

export const meta: MetaFunction = () => [{ title: 'Dispute · MegiLance' }]

async function requireDispute(request: Request, disputeId: string | undefined) {
  const user = await requireUser(request)
  const found = disputeId ? await findDispute(disputeId) : undefined
  if (!found || (user.role !== 'admin' && !isParty(found.contract, user.id)))
    throw new Response('Not found', { status: 404 })
  return { user, found }
}

export const loader = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const { user, found } = await requireDispute(request, params.disputeId)
  const { dispute, contract } = found
  return json({
    dispute: await loadDisputeView(found),
    contract: { id: contract.id, title: contract.title },
    canRespond:
      canTake(DISPUTE_MACHINE, 'respond', dispute.status, user.role) &&
      isParty(contract, user.id) &&
      user.id !== dispute.openedBy,
    canDecide: canTake(DISPUTE_MACHINE, 'decide', dispute.status, user.role),
    currencyDigits: currencyDigits(contract.currency),
    // An admin's decision sent before confirming a second factor comes back filled in (not sent) once.
    kept: await takeKeptAdminForm(request, ({ intent }) => (intent === 'decide' ? 'decide' : null)),
  })
})

const IntentSchema = /* @__PURE__ */ bareIntents('respond', 'decide')

export const action = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: ActionFunctionArgs) => {
  const { user, found } = await requireDispute(request, params.disputeId)
  const back = `/disputes/${found.dispute.id}`
  const { formData, oversized } = await readUploadForm(request, { maxFileBytes: MAX_DISPUTE_FILE_BYTES })
  const { intent } = parseIntent(formData, IntentSchema)

  if (intent === 'respond') {
    const submission = parseWithZod(formData, { schema: RespondDisputeSchema })
    if (oversized.size)
      return json(submission.reply({ fieldErrors: { file: ['The file is larger than 10 MB.'] } }), { status: 400 })
    if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
    const file = formData.get('file')
    const outcome = await respondToDispute(user, found, {
      response: submission.value.response,
      file: file instanceof File ? file : null,
    })
    if (!outcome.ok && outcome.field) return json(refusalReply(submission, outcome), { status: statusOf(outcome) })
    if (!outcome.ok) throw refusalResponse(outcome)
    return redirectWithToast(back, { kind: 'success', message: 'Your response is recorded. An admin will now decide.' })
  }

  if (intent === 'decide') {
    if (user.role !== 'admin') throw new Response('Only an admin decides a dispute.', { status: 403 })
    await requireAdminStepUp(request, { returnTo: back, form: formData })
    const submission = parseWithZod(formData, { schema: DecideDisputeSchema })
    const { currency } = found.contract
    // A split's share as typed is read beside the schema, so one answer names every refused field.
    const shareText = String(formData.get('freelancerShare') ?? '').trim()
    const share = shareText ? readAmount(shareText, currencyDigits(currency)) : null
    const shareProblem =
      formData.get('decision') === 'split' && share && !share.ok
        ? amountProblemMessage(share.problem, currency, 'Enter an amount such as 120 or 120.50')
        : null
    if (submission.status !== 'success' || shareProblem) {
      const reply = submission.reply(shareProblem ? { fieldErrors: { freelancerShare: [shareProblem] } } : undefined)
      return json(reply, { status: 400 })
    }
    const { decision, reason } = submission.value
    const shareMinor = share?.ok ? share.minor : null
    const outcome = await decideDispute(
      user,
      found,
      { decision, freelancerShareMinor: shareMinor, reason },
      milestoneDisputeResolver,
    )
    if (!outcome.ok && outcome.reason === 'invalid') {
      return json(submission.reply({ fieldErrors: { freelancerShare: [outcome.message] } }), { status: 400 })
    }
    if (!outcome.ok) throw refusalResponse(outcome)
    return redirectWithToast(back, { kind: 'success', message: 'The decision is recorded and both sides are told.' })
  }
})

export default function DisputePage() {
  const { dispute, contract, canRespond, canDecide } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader back={{ to: `/contracts/${contract.id}`, label: contract.title }} title="Dispute">
        <p className="muted">
          Each side states its case once, with evidence. An admin then decides to release the money, refund it or split
          it, and writes the reason you both see.
        </p>
      </PageHeader>
      <DisputeSummary dispute={dispute} yourResponseIsDue={canRespond} />
      {canRespond ? <RespondForm /> : null}
      {canDecide ? (
        <DecideForm
          disputed={formatMoney(dispute.amountMinor, dispute.currency)}
          awaiting={
            dispute.status === 'open'
              ? { name: dispute.respondentName, dueAt: dispute.responseDueAt, overdue: dispute.responseOverdue }
              : null
          }
        />
      ) : null}
    </>
  )
}

function RespondForm() {
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useZodForm(RespondDisputeConstraint, { id: 'respond', lastResult })
  const fileErrors = (lastResult?.error as Record<string, string[]> | undefined)?.file
  return (
    <CardSection id="respond-heading" title="Your side">
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="form-stack">
        <FormAlert form={form} long labels={{ response: 'What happened, from your side', file: 'Evidence file' }} />
        <TextareaField
          label="What happened, from your side"
          meta={fields.response}
          rows={5}
          hint="At least 20 characters. You answer once, so add what shows your side: dates, messages, links."
        />
        <EvidenceFileField formId={form.id} errors={fileErrors} />
        <button type="submit" name="intent" value="respond" className="button button--primary">
          Send response
        </button>
      </Form>
    </CardSection>
  )
}

const DECIDE_LABELS = {
  decision: 'Decision',
  freelancerShare: 'Freelancer’s share',
  reason: 'Reason both sides will read',
}

/**
 * The admin's decision; `disputed` is the amount in escrow, which a split divides, and `awaiting`
 * the side whose response has not come yet (deciding then hears one side only: the form says so).
 */
function DecideForm({
  disputed,
  awaiting,
}: {
  disputed: string
  awaiting: { name: string; dueAt: string; overdue: boolean } | null
}) {
  const lastResult = useActionData<typeof action>()
  const { kept } = useLoaderData<typeof loader>()
  const [form, fields] = useZodForm(DecideDisputeConstraint, {
    id: 'decide',
    lastResult,
    // What the action answered wins over the kept draft.
    last: lastResult ? undefined : (kept ?? undefined),
  })
  const options = Object.entries(DECISION_LABELS).map(([value, label]) => ({ value, label }))
  return (
    <CardSection id="decide-heading" title="Decide">
      {awaiting ? (
        <p className="form-alert">
          {awaiting.overdue
            ? `${awaiting.name} did not give their side by ${formatDate(awaiting.dueAt)}: the claim and its evidence are all there is to decide on.`
            : `${awaiting.name} has until ${formatDate(awaiting.dueAt)} to give their side: deciding now settles the dispute on the claim alone.`}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="form-stack">
        <FormAlert form={form} long labels={DECIDE_LABELS} />
        <RadioGroup legend="Decision" meta={fields.decision} options={options} />
        <Field
          label="Freelancer’s share (for a split)"
          meta={fields.freelancerShare}
          inputMode="decimal"
          hint={`Out of the ${disputed} disputed; the platform fee comes off this share, the rest goes back to the client.`}
        />
        <TextareaField
          label="Reason both sides will read"
          meta={fields.reason}
          rows={4}
          hint="At least 20 characters."
        />
        <button type="submit" name="intent" value="decide" className="button button--primary">
          Record decision
        </button>
      </Form>
    </CardSection>
  )
}
