import type { Confidence, PriceSuggestion, Quartiles } from '~/services/marketplace/price-suggestion'
import { CONFIDENCE_LABELS } from '~/services/marketplace/price-confidence-labels'
import { MIN_BIDDERS } from '~/services/marketplace/price-privacy'
import { formatMoney } from '~/utils/format'

/** The suggestion and what it was asked for. */
type Suggestion = PriceSuggestion & { skills: string[]; level: string }

const CONFIDENCE_BADGES: Record<Confidence, string> = {
  none: 'badge--plain',
  low: 'badge--failed',
  medium: 'badge--stored',
  high: 'badge--open',
}

const bids = (n: number) => `${n} ${n === 1 ? 'bid' : 'bids'}`

/** Why accepted bids that matched are not shown: too few freelancers made them. */
function withheldText(withheld: number): string {
  return `${bids(withheld)} so far, not shown until ${MIN_BIDDERS} different freelancers' bids match, so that no figure is one person's price`
}

function QuartileLine({
  label,
  data,
  currency,
  withheld = 0,
}: {
  label: string
  data: Quartiles | null
  currency: string
  withheld?: number
}) {
  const money = (minor: number) => formatMoney(minor, currency)
  return (
    <li>
      <strong>{label}</strong>
      {data
        ? ` (n = ${data.n}): 25th percentile ${money(data.p25)}, median ${money(data.median)}, 75th percentile ${money(data.p75)}`
        : withheld
          ? `: ${withheldText(withheld)}`
          : ': no data yet'}
    </li>
  )
}

/**
 * "What similar work costs": quartiles of accepted bids and freelancer rates on MegiLance for the
 * skills and level, and a suggested range with its confidence. `askButton` adds the button that
 * sends the surrounding form to ask again (it works without JavaScript).
 */
export function PriceSuggestionPanel({
  suggestion,
  askButton = false,
}: {
  suggestion: Suggestion | null
  askButton?: boolean
}) {
  const unit = suggestion?.budgetType === 'hourly' ? ' per hour' : ''
  return (
    <section className="price-panel" aria-labelledby="price-panel-heading">
      <h2 id="price-panel-heading">What similar work costs</h2>
      {suggestion ? (
        <>
          <p className="muted">
            {suggestion.budgetType === 'hourly' ? 'Hourly rates' : 'Fixed prices'} for {suggestion.skills.join(', ')} at{' '}
            {suggestion.level} level on MegiLance. Only {suggestion.currency} data is used, without conversion
            {suggestion.otherCurrencyCount
              ? `; ${suggestion.otherCurrencyCount} matching ${suggestion.otherCurrencyCount === 1 ? 'price' : 'prices'} in other currencies ${suggestion.otherCurrencyCount === 1 ? 'is' : 'are'} left out.`
              : '.'}
          </p>
          <p className="price-panel__range">
            {suggestion.suggested ? (
              <>
                Suggested {suggestion.budgetType === 'hourly' ? 'rate' : 'budget'}:{' '}
                <strong>
                  {formatMoney(suggestion.suggested.lowMinor, suggestion.currency)} –{' '}
                  {formatMoney(suggestion.suggested.highMinor, suggestion.currency)}
                  {unit}
                </strong>{' '}
              </>
            ) : suggestion.acceptedBidsWithheld ? (
              <>
                No suggestion yet: {bids(suggestion.acceptedBidsWithheld)} for similar work{' '}
                {suggestion.acceptedBidsWithheld === 1 ? 'was' : 'were'} agreed in {suggestion.currency}; a figure is
                shown from {MIN_BIDDERS} different freelancers&apos; bids.{' '}
              </>
            ) : (
              <>No suggestion yet: nothing similar has been agreed in {suggestion.currency}. </>
            )}
            {/* With no suggestion the sentence says why; "No data yet (n = 0)" beside "1 bid … was agreed" read as a contradiction. */}
            {suggestion.suggested ? (
              <span className={`badge ${CONFIDENCE_BADGES[suggestion.confidence]}`}>
                {CONFIDENCE_LABELS[suggestion.confidence]} (n = {suggestion.basedOn})
              </span>
            ) : null}
          </p>
          <ul className="price-panel__quartiles">
            <QuartileLine
              label={`Accepted ${suggestion.budgetType === 'hourly' ? 'hourly' : 'fixed-price'} bids`}
              data={suggestion.acceptedBids}
              currency={suggestion.currency}
              withheld={suggestion.acceptedBidsWithheld}
            />
            {suggestion.budgetType === 'hourly' ? (
              <QuartileLine
                label="Freelancer hourly rates"
                data={suggestion.freelancerRates}
                currency={suggestion.currency}
              />
            ) : null}
          </ul>
          <p className="muted">
            Confidence comes from the sample size: low under 10, medium under 30, high from 30 prices. Figures from
            accepted bids are rounded to two significant figures.
          </p>
        </>
      ) : (
        <p className="muted">
          Enter the skills (and the budget type, currency and level) to see what similar projects were agreed for.
        </p>
      )}
      {askButton ? (
        <button type="submit" name="intent" value="suggest" formNoValidate className="button">
          Suggest a budget
        </button>
      ) : null}
    </section>
  )
}
