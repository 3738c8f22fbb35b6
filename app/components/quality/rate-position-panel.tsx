import { type RatePosition, MIN_ACCEPTED_RATES } from '~/services/quality/rate-position'
import { MIN_BIDDERS } from '~/services/marketplace/price-privacy'
import { formatMoney } from '~/utils/format'

type View = RatePosition & { skills: string[]; level: string }

function ordinal(n: number): string {
  const tens = n % 100
  if (tens >= 11 && tens <= 13) return `${n}th`
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`
}

/** "Only 3 hourly rates in USD, from 2 different freelancers, were accepted" (your own contracts are not counted). */
function tooFewText(n: number, freelancers: number, currency: string): string {
  const rates = `${n} hourly ${n === 1 ? 'rate' : 'rates'} in ${currency}`
  if (!n) return `No hourly rates in ${currency} of other freelancers were accepted`
  const from = `from ${freelancers} different ${freelancers === 1 ? 'freelancer' : 'freelancers'}`
  return `Only ${rates}, ${from} other than you, ${n === 1 ? 'was' : 'were'} accepted`
}

/** Where the saved hourly rate sits among the hourly rates clients accepted for the same skills and level. */
export function RatePositionPanel({ position }: { position: View }) {
  const what = `${position.skills.join(', ')} at ${position.level} level`
  return (
    <section className="price-panel" aria-labelledby="rate-position-heading">
      <h2 id="rate-position-heading">Your rate among accepted rates</h2>
      {position.kind === 'placed' ? (
        <>
          <p>
            Your saved rate of {formatMoney(position.rateMinor, position.currency)} per hour is at the{' '}
            <strong>{ordinal(position.percentile)} percentile</strong>: {position.percentile}% of the {position.n}{' '}
            hourly rates clients accepted for {what} were at or below it.
          </p>
          <p className="muted">
            25th percentile {formatMoney(position.p25, position.currency)}, median{' '}
            {formatMoney(position.median, position.currency)}, 75th percentile{' '}
            {formatMoney(position.p75, position.currency)}. Only {position.currency} rates are counted.
          </p>
        </>
      ) : position.kind === 'too-few' ? (
        <p className="muted">
          {tooFewText(position.n, position.freelancers, position.currency)} for {what}: too few to place yours. A
          position is shown from {MIN_ACCEPTED_RATES} accepted rates of {MIN_BIDDERS} different freelancers, so that no
          figure is one person&apos;s price.
        </p>
      ) : (
        <p className="muted">
          {position.kind === 'no-rate' ? 'Save an hourly rate' : 'Save your skills'} to see where your rate sits among
          the hourly rates clients accepted for your skills and level.
        </p>
      )}
    </section>
  )
}
