import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { Link, useLoaderData } from '@remix-run/react'
import { CryptoPaymentDetails } from '~/components/payments/crypto-payment-details'
import { CardSection } from '~/components/ui/card-section'
import { PageHeader } from '~/components/ui/page-header'
import { findCryptoPaymentRequest } from '~/models/crypto-payments.server'
import { cryptoPaymentView } from '~/services/payments/crypto/crypto-payments.server'
import { requireUser } from '~/http/auth.server'
import { formatDateTime, formatMoney } from '~/utils/format'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Pay ${data?.amountText ?? 'with crypto'} · MegiLance` },
]

/** The payer's own request; anyone else gets 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const payment = params.requestId ? await findCryptoPaymentRequest(params.requestId) : undefined
  if (!payment || payment.userId !== user.id) throw new Response('Not found', { status: 404 })
  return json(await cryptoPaymentView(payment), { headers: { 'Cache-Control': 'no-store' } })
}

const STATUS = {
  pending: { label: 'Waiting for payment', badge: 'badge--open' },
  confirmed: { label: 'Confirmed', badge: 'badge--sent' },
  expired: { label: 'Expired', badge: 'badge--failed' },
} as const

export default function CryptoPaymentPage() {
  const view = useLoaderData<typeof loader>()
  const status = STATUS[view.status]
  const fiat = formatMoney(view.fiatAmountMinor, view.fiatCurrency)
  return (
    <div className="page--narrow">
      <PageHeader
        back={{ to: `/contracts/${view.contract.id}`, label: `Back to ${view.contract.title}` }}
        title={`Send ${view.amountText}`}
      >
        <p className="muted">
          {fiat} for the milestone “{view.milestoneTitle}”, paid as {view.choiceLabel}.
        </p>
        <p>
          Status: <span className={`badge badge--plain ${status.badge}`}>{status.label}</span>
        </p>
      </PageHeader>

      {view.sandbox ? (
        <section className="card crypto-sandbox" aria-labelledby="crypto-sandbox-heading">
          <h2 id="crypto-sandbox-heading">
            <span className="badge badge--blocked">Test mode</span> Do not send real funds
          </h2>
          <p className="muted">
            This network takes test payments only here. The address below is a well-known burn address: anything sent to
            it is lost for good. Our team confirms test payments by hand.
          </p>
        </section>
      ) : null}

      {view.status === 'pending' ? <CryptoPaymentDetails view={view} /> : null}

      {view.status === 'confirmed' ? (
        <CardSection id="crypto-done-heading" title="Payment received">
          <p>
            Confirmed on {formatDateTime(view.confirmedAt ?? view.expiresAt)}
            {view.txHash ? (
              <>
                {' '}
                (transaction <code className="crypto-code">{view.txHash}</code>)
              </>
            ) : null}
            .{' '}
            {view.fundedMilestone
              ? `${fiat} is held in escrow for “${view.milestoneTitle}” until you approve the work.`
              : `“${view.milestoneTitle}” had already been funded, so ${fiat} went to your wallet balance.`}
          </p>
          <p>
            <Link to={`/contracts/${view.contract.id}`}>Back to the contract</Link>
          </p>
        </CardSection>
      ) : null}

      {view.status === 'expired' ? (
        <CardSection id="crypto-expired-heading" title="This request has expired">
          <p>
            Its rate was locked until {formatDateTime(view.expiresAt)}. Do not send anything for it now. If you paid
            after that, the payment is kept for an admin to send back to you.
          </p>
          <p>
            <Link to={`/contracts/${view.contract.id}/milestones/${view.milestoneId}/crypto`}>
              Start a new crypto payment at today’s rate
            </Link>
          </p>
        </CardSection>
      ) : null}
    </div>
  )
}
