import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Form, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { StripeCheckoutStatus } from '~/components/payments/stripe-checkout-status'

import { findContract, findMilestone, getMilestoneContractId } from '~/models/contracts.server'
import { CardCheckoutSchema } from '~/services/marketplace/contract-schemas'
import { findPayment, milestoneIdOfPayment, payMilestoneByCard } from '~/services/payments/ledger/escrow.server'
import { stripePaymentStatus } from '~/services/payments/cards/stripe-sessions.server'
import { sandboxMoney } from '~/services/payments/cards/sandbox-money.server'
import { requireUser } from '~/http/auth.server'
import { formatMoney } from '~/utils/format'
import { readFormData } from '~/http/form-data.server'
import { redirectWithToast } from '~/http/toast.server'
import { refusalReply } from '~/http/form-error.server'
import { FormAlert } from '~/components/ui/form-alert'
import { CardFields } from '~/components/payments/card-fields'
import { PageHeader } from '~/components/ui/page-header'
import { SubmitButton } from '~/components/ui/submit-button'
import { useZodForm } from '~/components/ui/use-zod-form'
import { cardAttemptOriginOf } from '~/services/fraud/card-attempts.server'
import { CardCheckoutConstraint } from '~/components/ui/form-constraints/card-checkout'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.kind === 'stripe' ? 'Card payment · MegiLance' : 'Pay by card (test mode) · MegiLance' },
]

/** The payment, its milestone and contract, for the payer only; anyone else gets 404. */
async function requirePayment(request: Request, paymentId: string | undefined) {
  const user = await requireUser(request)
  const payment = paymentId ? await findPayment(paymentId) : undefined
  const milestoneId = payment ? milestoneIdOfPayment(payment) : null
  if (!payment || payment.userId !== user.id || !milestoneId) throw new Response('Not found', { status: 404 })
  const contractId = await getMilestoneContractId(milestoneId)
  const milestone = contractId ? await findMilestone(contractId, milestoneId) : undefined
  const contract = contractId ? await findContract(contractId) : undefined
  if (!milestone || !contract) throw new Response('Not found', { status: 404 })
  return { user, payment, milestone, contract }
}

/** A sandbox payment can be paid only while sandbox money may move (never fake money next to real). */
function sandboxClosed(): string | null {
  const sandbox = sandboxMoney()
  return sandbox.available
    ? null
    : `This is a test payment and cannot be paid: ${sandbox.reason} Fund the milestone another way from the contract page.`
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { payment, milestone, contract } = await requirePayment(request, params.paymentId)
  const common = {
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    milestoneTitle: milestone.title,
    contract: { id: contract.id, title: contract.title },
  }
  if (payment.provider === 'stripe') {
    const cancelled = new URL(request.url).searchParams.get('stripe') === 'cancelled'
    return json({ kind: 'stripe' as const, ...common, ...(await stripePaymentStatus(payment)), cancelled })
  }
  if (payment.status === 'succeeded') return redirect(`/contracts/${contract.id}`)
  const closed = sandboxClosed()
  if (closed) throw new Response(closed, { status: 409 })
  return json({ kind: 'sandbox' as const, ...common, lastDecline: payment.failureReason })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, payment, contract } = await requirePayment(request, params.paymentId)
  const closed = payment.provider === 'stripe' ? 'This payment is made on Stripe’s page.' : sandboxClosed()
  if (closed) throw new Response(closed, { status: 409 })
  const submission = parseWithZod(await readFormData(request), { schema: CardCheckoutSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const origin = await cardAttemptOriginOf(request, context.clientIp)
  const outcome = await payMilestoneByCard(payment, contract, submission.value, user.name, new Date(), origin)
  // 400 like any other refused form: the browser logs a 402 as a failed payment resource.
  if (!outcome.ok) return json(refusalReply(submission, outcome), { status: 400 })
  const message = outcome.funded
    ? `Payment received: ${formatMoney(payment.amountMinor, payment.currency)} is held in escrow.`
    : 'The milestone could no longer be funded (it was funded meanwhile, or the contract ended), so the payment went to your wallet balance.'
  return redirectWithToast(`/contracts/${contract.id}`, { kind: 'success', message })
}

export default function CheckoutPage() {
  const data = useLoaderData<typeof loader>()
  const location = useLocation()
  if (data.kind === 'stripe') {
    return (
      <div className="page--narrow">
        <StripeCheckoutStatus view={data} reloadTo={`${location.pathname}?stripe=return`} />
      </div>
    )
  }
  return <SandboxCheckout data={data} />
}

function SandboxCheckout({
  data,
}: {
  data: { amountMinor: number; currency: string; milestoneTitle: string; contract: { id: string; title: string } }
}) {
  const amount = formatMoney(data.amountMinor, data.currency)
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useZodForm(CardCheckoutConstraint, { id: 'card-checkout', lastResult })
  return (
    <div className="page--narrow">
      <PageHeader
        back={{ to: `/contracts/${data.contract.id}`, label: `Back to ${data.contract.title} (nothing is charged)` }}
        title={`Pay ${amount} by card`}
      >
        <p className="muted">
          For the milestone “{data.milestoneTitle}”. The money is held in escrow until you approve the work.
        </p>
      </PageHeader>
      <section className="card" aria-labelledby="sandbox-heading">
        <h2 id="sandbox-heading">
          <span className="badge badge--blocked">Test mode</span> No real card is charged
        </h2>
        <p className="muted">
          This site is in test mode and takes test cards only, so nothing is charged: 4242 4242 4242 4242 succeeds, 4000
          0000 0000 0002 is declined. Any future expiry date and any 3-digit code work.
        </p>
        <Form method="post" {...getFormProps(form)} className="form-stack">
          <FormAlert errors={form.errors} />
          <CardFields fields={fields} />
          <SubmitButton block>Pay {amount}</SubmitButton>
        </Form>
      </section>
    </div>
  )
}
