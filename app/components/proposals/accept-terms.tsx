import { DEFAULT_WEEKLY_LIMIT_HOURS } from '~/services/marketplace/proposal-rules'
import { formatMoney } from '~/utils/format'

/** The published fee on a bid: what the freelancer receives of it and what MegiLance keeps. */
export type BidFee = { percent: number; feeMinor: number; netMinor: number }

/**
 * What accepting commits the client to, said before the button: what they pay, the fee and what the
 * freelancer receives (the fee table promises this before every commitment), and what else happens.
 */
export function AcceptTerms({
  freelancerName,
  bid,
  fee,
}: {
  freelancerName: string
  bid: { bidType: 'fixed' | 'hourly'; bidAmountMinor: number; currency: string }
  fee: BidFee
}) {
  const money = (minor: number) => formatMoney(minor, bid.currency)
  return (
    <>
      <p>
        Accepting starts the contract with {freelancerName} on these terms, closes the project and tells the other
        applicants they were not hired.
      </p>
      <p className="muted">
        {bid.bidType === 'fixed'
          ? `You pay ${money(bid.bidAmountMinor)} in all, into escrow one milestone at a time; nothing is charged when you accept. `
          : `You pay ${money(bid.bidAmountMinor)} for each hour ${freelancerName} logs, up to ${DEFAULT_WEEKLY_LIMIT_HOURS} h a week until you change the limit; each week is invoiced for your approval. `}
        {freelancerName} receives {money(fee.netMinor)}
        {bid.bidType === 'hourly' ? ' an hour' : ''} and MegiLance keeps its {fee.percent}% fee ({money(fee.feeMinor)}).
      </p>
    </>
  )
}
