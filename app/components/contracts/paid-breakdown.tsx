import { formatDate, formatMoney } from '~/utils/format'

export type PaidMilestone = {
  releasedMinor: number
  toFreelancerMinor: number
  toClientMinor: number
  feeMinor: number
  feeTaxMinor: number
  releasedAt: string | null
  autoApproved: boolean
}

/**
 * A paid milestone's money as the ledger moved it, on its card: nobody should have to read the
 * activity log or the wallet to learn the fee and what reached the freelancer.
 */
export function PaidBreakdown({ paid, currency, title }: { paid: PaidMilestone; currency: string; title: string }) {
  const money = (minor: number) => formatMoney(minor, currency)
  const how =
    paid.toClientMinor > 0 ? 'split by a dispute decision' : paid.autoApproved ? 'approved automatically' : null
  return (
    <section aria-label={`Payment for “${title}”`}>
      <p className="muted">
        Paid{paid.releasedAt ? ` on ${formatDate(paid.releasedAt)}` : ''}
        {how ? ` (${how})` : ''}:
      </p>
      <dl className="project-facts">
        <div>
          <dt>Released from escrow</dt>
          <dd>{money(paid.releasedMinor)}</dd>
        </div>
        <div>
          <dt>MegiLance fee</dt>
          <dd>
            {money(paid.feeMinor)}
            {paid.feeTaxMinor > 0 ? <span className="cell-detail"> incl. {money(paid.feeTaxMinor)} tax</span> : null}
          </dd>
        </div>
        <div>
          <dt>Freelancer received</dt>
          <dd>{money(paid.toFreelancerMinor)}</dd>
        </div>
        {paid.toClientMinor > 0 ? (
          <div>
            <dt>Back to the client</dt>
            <dd>{money(paid.toClientMinor)}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  )
}
