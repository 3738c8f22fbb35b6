import { parseWithZod } from '@conform-to/zod/v4'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { useActionData, useLoaderData } from '@remix-run/react'
import { CryptoChoiceForm } from '~/components/payments/crypto-choice-form'
import { PageHeader } from '~/components/ui/page-header'
import { findMilestone } from '~/models/contracts.server'
import { requireContractParty } from '~/services/marketplace/contracts.server'
import { parseCryptoChoice } from '~/domain/crypto-networks'
import { RATE_LOCK_MINUTES, startCryptoPayment } from '~/services/payments/crypto/crypto-payments.server'
import { fundingPaths } from '~/services/payments/cards/sandbox-money.server'
import { CryptoChoiceSchema } from '~/services/payments/crypto/crypto-schemas'
import { getExchangeRate } from '~/services/payments/rates/rates.server'
import { requireUser } from '~/http/auth.server'
import { formatMoney } from '~/utils/format'
import { readFormData } from '~/http/form-data.server'
import { answerDomainErrors, statusOf } from '~/http/outcome-response.server'

export const meta: MetaFunction = () => [{ title: 'Pay with crypto · MegiLance' }]

/** The milestone, for the contract's client only: others on the contract get 403, anyone else 404. */
async function requireClientMilestone(request: Request, params: LoaderFunctionArgs['params']) {
  const user = await requireUser(request)
  const { contract, side } = await requireContractParty(user, params.contractId)
  if (side !== 'client') throw new Response('Only the client pays for milestones.', { status: 403 })
  const milestone = params.milestoneId ? await findMilestone(contract.id, params.milestoneId) : undefined
  if (!milestone) throw new Response('Not found', { status: 404 })
  return { user, contract, milestone }
}

export const loader = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const { contract, milestone } = await requireClientMilestone(request, params)
  const { cryptoChoices, note } = fundingPaths()
  return json({
    cryptoChoices,
    note,
    contract: { id: contract.id, title: contract.title },
    milestone: {
      id: milestone.id,
      title: milestone.title,
      amountMinor: milestone.amountMinor,
      currency: contract.currency,
      pending: milestone.status === 'pending',
    },
  })
})

export const action = /* @__PURE__ */ answerDomainErrors(async ({ request, params }: ActionFunctionArgs) => {
  const { user, contract, milestone } = await requireClientMilestone(request, params)
  const submission = parseWithZod(await readFormData(request), { schema: CryptoChoiceSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const choice = parseCryptoChoice(submission.value.choice)
  if (!choice)
    return json(submission.reply({ fieldErrors: { choice: ['Choose a coin and its network.'] } }), { status: 400 })
  const outcome = await startCryptoPayment(
    { payerId: user.id, contract, milestone, asset: choice.asset, network: choice.network },
    getExchangeRate,
  )
  if (!outcome.ok) return json(submission.reply({ formErrors: [outcome.message] }), { status: statusOf(outcome) })
  return redirect(`/crypto-payments/${outcome.request.id}`)
})

export default function PayWithCryptoPage() {
  const { contract, milestone, cryptoChoices, note } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <div className="page--narrow">
      <PageHeader
        back={{ to: `/contracts/${contract.id}`, label: `Back to ${contract.title}` }}
        title={`Pay ${formatMoney(milestone.amountMinor, milestone.currency)} with crypto`}
      >
        <p className="muted">
          For the milestone “{milestone.title}”. You get an address, the exact amount and a QR code; the amount is
          locked at today’s rate for {RATE_LOCK_MINUTES} minutes. The money is held in escrow until you approve the
          work.
        </p>
      </PageHeader>
      <section className="card">
        {milestone.pending && cryptoChoices.length ? (
          <CryptoChoiceForm
            action={`/contracts/${contract.id}/milestones/${milestone.id}/crypto`}
            formId={`crypto-${milestone.id}`}
            choices={cryptoChoices}
            lastResult={lastResult}
          />
        ) : milestone.pending ? (
          <p>Crypto payments are not available here.</p>
        ) : (
          <p>This milestone is not waiting for payment any more.</p>
        )}
        {milestone.pending && note ? <p className="muted">{note}</p> : null}
      </section>
    </div>
  )
}
