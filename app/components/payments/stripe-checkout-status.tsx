import { Link } from '@remix-run/react'
import { formatMoney } from '~/utils/format'
import { PageHeader } from '~/components/ui/page-header'

export type StripeCheckoutView = {
  amountMinor: number
  currency: string
  milestoneTitle: string
  contract: { id: string; title: string }
  state: 'paid' | 'waiting' | 'failed'
  /** Paid into escrow (true) or, the milestone being funded already, into the payer's wallet. */
  funded: boolean
  payUrl: string | null
  cancelled: boolean
  reason: string | null
}

/** What the payer sees on our page around Stripe's hosted Checkout; honest about what is confirmed. */
export function StripeCheckoutStatus({ view, reloadTo }: { view: StripeCheckoutView; reloadTo: string }) {
  const back = `/contracts/${view.contract.id}`
  const amount = formatMoney(view.amountMinor, view.currency)
  if (view.state === 'paid') {
    return (
      <>
        <PageHeader title="Payment received" />
        <section className="card form-stack" aria-label="Payment status">
          <p role="status">
            {view.funded
              ? `Stripe confirmed your payment: ${amount} is held in escrow for “${view.milestoneTitle}” until you approve the work.`
              : `Stripe confirmed your payment. “${view.milestoneTitle}” could no longer be funded (it was funded meanwhile, or the contract ended), so ${amount} went to your wallet balance.`}
          </p>
          <p>
            <Link to={back}>Back to {view.contract.title}</Link>
          </p>
        </section>
      </>
    )
  }
  if (view.state === 'failed') {
    return (
      <>
        <PageHeader title="The payment did not go through" />
        <section className="card form-stack" aria-label="Payment status">
          <p role="alert">{view.reason ?? 'Nothing was charged.'}</p>
          <p>
            <Link to={back}>Back to {view.contract.title} to fund the milestone again</Link>
          </p>
        </section>
      </>
    )
  }
  return (
    <>
      <PageHeader back={{ to: back, label: `Back to ${view.contract.title}` }} title={`Pay ${amount} by card`}>
        <p className="muted">
          For the milestone “{view.milestoneTitle}”. You will pay on Stripe’s secure page; MegiLance never sees your
          card number.
        </p>
      </PageHeader>
      <section className="card form-stack" aria-label="Payment status">
        {view.cancelled ? <p role="status">You left Stripe’s page before paying. Nothing was charged.</p> : null}
        {view.reason ? <p role="alert">Stripe said: {view.reason}</p> : null}
        {view.payUrl ? (
          <p>
            <a className="button button--primary" href={view.payUrl}>
              Continue to Stripe’s secure page
            </a>
          </p>
        ) : (
          <>
            <p role="status">
              We are waiting for Stripe to confirm your payment of {amount}. This usually takes a few seconds.
            </p>
            <p>
              <Link to={reloadTo} reloadDocument>
                Reload to check again
              </Link>
            </p>
          </>
        )}
      </section>
    </>
  )
}
