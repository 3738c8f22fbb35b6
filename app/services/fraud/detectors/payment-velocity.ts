import { FRAUD_CONFIG } from '../fraud-config'
import { burstsOf, draftFrom, groupBy, minutes, plural, type AlertDraft } from '../alert-draft'
import type { FraudFacts, ReleaseFact } from '~/domain/fraud-facts'
import { DAY_MS } from '~/domain/durations'

const C = FRAUD_CONFIG.velocity

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/**
 * Money that goes fund → release → payout within minutes, again and again (a laundering round),
 * a release far above the freelancer's history, and a payout right after adding a payout method.
 */
export function detectPaymentVelocity(facts: Pick<FraudFacts, 'releases' | 'payouts' | 'payoutMethods'>): AlertDraft[] {
  const payoutsBy = groupBy(facts.payouts, (p) => p.userId)
  const methodsBy = groupBy(facts.payoutMethods, (m) => m.userId)
  const drafts: AlertDraft[] = []
  for (const [freelancerId, releases] of groupBy(facts.releases, (r) => r.freelancerId)) {
    const payouts = payoutsBy.get(freelancerId) ?? []
    const paidOutSoon = (r: ReleaseFact) =>
      payouts.some((p) => p.at >= r.releasedAt && p.at - r.releasedAt <= C.payoutAfterReleaseMs)
    const rounds = releases.filter((r) => r.releasedAt - r.fundedAt <= C.fastReleaseMs && paidOutSoon(r))
    for (const burst of burstsOf(rounds, (r) => r.releasedAt, 7 * DAY_MS)) {
      const earlier = releases.filter((r) => r.releasedAt < burst[0]!.releasedAt).map((r) => r.amountMinor)
      const biggest = Math.max(...burst.map((r) => r.amountMinor))
      const far = earlier.length >= C.minHistory && biggest >= C.farAboveHistory * median(earlier)
      const methods = methodsBy.get(freelancerId) ?? []
      const afterMethod = payouts.some(
        (p) =>
          p.at >= burst[0]!.releasedAt - DAY_MS &&
          methods.some((m) => p.at >= m.at && p.at - m.at <= C.payoutAfterMethodMs),
      )
      if (burst.length < C.minRounds) continue
      const fastest = Math.min(...burst.map((r) => r.releasedAt - r.fundedAt))
      const draft = draftFrom(
        {
          type: 'payment_velocity',
          key: `payment_velocity:${freelancerId}:${burst[0]!.releasedAt}`,
          accounts: [freelancerId, ...new Set(burst.map((r) => r.clientId))],
          words: [
            `${plural(burst.length, 'payment')} went from funded to released and paid out within an hour each (the fastest release took ${minutes(fastest)}).`,
            ...(far ? ['A release was more than five times this freelancer’s usual amount.'] : []),
            ...(afterMethod ? ['A payout followed within an hour of adding a payout method.'] : []),
          ],
          data: { rounds: burst.length, contracts: burst.map((r) => r.contractId), far, afterMethod },
        },
        burst.length * C.points.perRound +
          (far ? C.points.farAboveHistory : 0) +
          (afterMethod ? C.points.payoutAfterMethod : 0),
      )
      if (draft) drafts.push(draft)
    }
  }
  return drafts
}
