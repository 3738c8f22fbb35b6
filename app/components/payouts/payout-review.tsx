import { Form } from '@remix-run/react'
import type { PayoutReviewData } from '~/services/payments/payouts/payout-views'
import { formatDateTime, formatEstimatedMoney, formatMoney } from '~/utils/format'
import { CardSection } from '~/components/ui/card-section'
import { ConfirmItIsYouFirst } from '~/components/security/confirm-first'

/** Where the estimate's rate comes from, in a newcomer's words (the same sources the Convert page names). */
const RATE_SOURCES: Record<string, string> = {
  snapshot: 'the rate shipped with MegiLance',
  ecb: 'the European Central Bank’s rate',
  coingecko: 'CoinGecko’s rate',
}

/** The review step: everything the payout costs and when it arrives, then one button that commits it. */
export function PayoutReview({ review }: { review: PayoutReviewData }) {
  const money = (minor: number) => formatMoney(minor, review.currency)
  return (
    <CardSection id="review-heading" title="Review your payout" className="payout-review">
      <dl className="project-facts">
        <div>
          <dt>To</dt>
          <dd>{review.destination}</dd>
        </div>
        <div>
          <dt>Amount from your wallet</dt>
          <dd>{money(review.amountMinor)}</dd>
        </div>
        <div>
          <dt>Fee ({review.speed})</dt>
          <dd>{money(review.feeMinor)}</dd>
        </div>
        <div>
          <dt>Arrives</dt>
          <dd>
            {money(review.receiveMinor)}
            {review.inAsset ? (
              <span className="cell-detail">
                {' '}
                ≈ {formatEstimatedMoney(review.inAsset.minor, review.inAsset.asset)} at {review.inAsset.rate} (
                {RATE_SOURCES[review.inAsset.source] ?? 'rate'} of {formatDateTime(review.inAsset.asOf)})
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>When</dt>
          <dd>
            {review.arrival}
            <span className="cell-detail"> (by {formatDateTime(review.expectedBy)})</span>
          </dd>
        </div>
        <div>
          <dt>Minimum for this method</dt>
          <dd>{money(review.minimumMinor)}</dd>
        </div>
      </dl>
      {review.stepUpHref ? (
        <ConfirmItIsYouFirst href={review.stepUpHref}>
          Payouts of {money(review.largeMinor)} or more{review.currency === 'USD' ? '' : ' (US$1,000)'} need you to
          confirm it is you first.
        </ConfirmItIsYouFirst>
      ) : (
        <Form method="post">
          {Object.entries(review.values).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button type="submit" name="intent" value="confirm" className="button button--primary">
            Confirm payout of {money(review.amountMinor)}
          </button>
        </Form>
      )}
    </CardSection>
  )
}
