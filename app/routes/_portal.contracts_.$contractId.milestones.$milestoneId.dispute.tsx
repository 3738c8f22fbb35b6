import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { EvidenceFileField } from '~/components/disputes/evidence-file-field'
import { TextareaField } from '~/components/ui/field'
import { findContract, findMilestone } from '~/models/contracts.server'
import { readUploadForm } from '~/http/upload-form.server'
import { DISPUTE_RESPONSE_DAYS, MAX_DISPUTE_FILE_BYTES } from '~/services/marketplace/dispute-rules'
import { OpenDisputeSchema } from '~/services/marketplace/dispute-schemas'
import { isParty, openMilestoneDispute } from '~/services/marketplace/disputes.server'
import { requireUser } from '~/http/auth.server'
import { formatMoney } from '~/utils/format'
import { redirectWithToast } from '~/http/toast.server'
import { refusalReply } from '~/http/form-error.server'
import { refusalResponse, statusOf } from '~/http/outcome-response.server'
import { PageHeader } from '~/components/ui/page-header'
import { useZodForm } from '~/components/ui/use-zod-form'
import { OpenDisputeConstraint } from '~/components/ui/form-constraints/open-dispute'
import { FormAlert } from '~/components/ui/form-alert'

export const meta: MetaFunction = () => [{ title: 'Open a dispute · MegiLance' }]

async function requireMilestone(request: Request, params: LoaderFunctionArgs['params']) {
  const user = await requireUser(request)
  const contract = params.contractId ? await findContract(params.contractId) : undefined
  if (!contract || !isParty(contract, user.id)) throw new Response('Not found', { status: 404 })
  const milestone = params.milestoneId ? await findMilestone(contract.id, params.milestoneId) : undefined
  if (!milestone) throw new Response('Not found', { status: 404 })
  return { user, contract, milestone }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contract, milestone } = await requireMilestone(request, params)
  return json({
    contract: { id: contract.id, title: contract.title },
    milestone: { title: milestone.title, amountMinor: milestone.amountMinor, currency: contract.currency },
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, contract, milestone } = await requireMilestone(request, params)
  const { formData, oversized } = await readUploadForm(request, { maxFileBytes: MAX_DISPUTE_FILE_BYTES })
  const submission = parseWithZod(formData, { schema: OpenDisputeSchema })
  if (oversized.size)
    return json(submission.reply({ fieldErrors: { file: ['The file is larger than 10 MB.'] } }), { status: 400 })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const file = formData.get('file')
  const outcome = await openMilestoneDispute(user, contract, milestone, {
    ...submission.value,
    file: file instanceof File ? file : null,
  })
  if (!outcome.ok && outcome.field) return json(refusalReply(submission, outcome), { status: statusOf(outcome) })
  if (!outcome.ok) throw refusalResponse(outcome)
  if (!outcome.dispute) return redirect(`/contracts/${contract.id}`)
  return redirectWithToast(`/disputes/${outcome.dispute.id}`, {
    kind: 'success',
    message:
      'The dispute is open. The other side is asked for their response; the money stays in escrow until an admin decides.',
  })
}

export default function OpenDispute() {
  const { contract, milestone } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useZodForm(OpenDisputeConstraint, { id: 'open-dispute', lastResult })
  const fileErrors = (lastResult?.error as Record<string, string[]> | undefined)?.file
  return (
    <>
      <PageHeader back={{ to: `/contracts/${contract.id}`, label: contract.title }} title="Open a dispute">
        <p className="muted">
          About milestone “{milestone.title}” ({formatMoney(milestone.amountMinor, milestone.currency)}).
        </p>
      </PageHeader>
      <section className="card" aria-labelledby="what-next-heading">
        <h2 id="what-next-heading">What happens next</h2>
        <ol>
          <li>The money stays in escrow: nothing is approved or paid automatically while the dispute runs.</li>
          <li>
            The other side is told at once and has {DISPUTE_RESPONSE_DAYS} days to give their side, with their own
            evidence.
          </li>
          <li>
            An admin then reads both (or your claim alone, if no response comes), decides to release, refund or split
            the money, and writes the reason you both see. It moves as decided.
          </li>
        </ol>
        <p className="muted">
          You state your case once, so say what was agreed and what was delivered, and attach what shows it: the brief,
          messages, dates, screenshots. <Link to="/help/disputes">How disputes work</Link>
        </p>
      </section>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="form-stack card">
        <FormAlert form={form} labels={{ reason: 'What went wrong', file: 'Evidence file' }} />
        <TextareaField
          label="What went wrong"
          meta={fields.reason}
          rows={5}
          hint="At least 20 characters: what was agreed, and what was delivered or not."
        />
        <TextareaField
          label="Evidence (optional)"
          meta={fields.evidence}
          rows={4}
          hint="Dates, messages, links to the work: whatever shows what happened."
        />
        <EvidenceFileField formId={form.id} errors={fileErrors} />
        <button type="submit" className="button button--danger">
          Open dispute
        </button>
      </Form>
    </>
  )
}
