import { FRAUD_CONFIG } from '../fraud-config'
import { draftFrom, groupBy, type AlertDraft } from '../alert-draft'
import type { FraudFacts } from '~/domain/fraud-facts'

const C = FRAUD_CONFIG.takeover

/**
 * A risky or new-device sign-in followed within a day by what a thief does: a new payout method,
 * an email, password or second-factor change, a payout. A known traveller's sign-in is not risky.
 */
export function detectAccountTakeover(
  facts: Pick<FraudFacts, 'signIns' | 'payoutMethods' | 'securityChanges' | 'payouts'>,
): AlertDraft[] {
  const methodsBy = groupBy(facts.payoutMethods, (m) => m.userId)
  const changesBy = groupBy(facts.securityChanges, (c) => c.userId)
  const payoutsBy = groupBy(facts.payouts, (p) => p.userId)
  const drafts: AlertDraft[] = []
  for (const [userId, signIns] of groupBy(facts.signIns, (s) => s.userId)) {
    const risky = signIns.filter((s) => s.risk === 'high' || s.newDevice).sort((a, b) => a.at - b.at)
    let anchorEnd = -Infinity
    for (const signIn of risky) {
      if (signIn.at <= anchorEnd) continue // one alert per day of trouble, keyed on its first sign-in
      anchorEnd = signIn.at + C.windowMs
      const within = <T extends { at: number }>(items: T[] | undefined) =>
        (items ?? []).filter((item) => item.at >= signIn.at && item.at <= anchorEnd)
      const methods = within(methodsBy.get(userId))
      const changes = within(changesBy.get(userId))
      const payouts = within(payoutsBy.get(userId))
      const credentials = changes.filter((c) => c.kind !== 'second_factor')
      const factors = changes.filter((c) => c.kind === 'second_factor')
      if (!methods.length && !changes.length && !payouts.length) continue
      const how = [signIn.risk === 'high' ? 'a high-risk sign-in' : null, signIn.newDevice ? 'a new device' : null]
        .filter(Boolean)
        .join(' on ')
      const after = [
        methods.length ? 'a payout method was added' : null,
        credentials.length ? `the ${[...new Set(credentials.map((c) => c.kind))].join(' and ')} changed` : null,
        factors.length ? 'second factors changed' : null,
        payouts.length ? `${payouts.length} payout${payouts.length === 1 ? ' was' : 's were'} requested` : null,
      ].filter(Boolean)
      const draft = draftFrom(
        {
          type: 'account_takeover',
          key: `account_takeover:${userId}:${signIn.at}`,
          accounts: [userId],
          words: [
            `After ${how}${signIn.country ? ` from ${signIn.country}` : ''}${signIn.ip ? ` (${signIn.ip})` : ''}, within 24 hours ${after.join(', ')}.`,
          ],
          data: { signInAt: signIn.at, ip: signIn.ip, country: signIn.country, risk: signIn.risk, after },
        },
        (signIn.risk === 'high' ? C.points.highRisk : 0) +
          (signIn.newDevice ? C.points.newDevice : 0) +
          (methods.length ? C.points.payoutMethod : 0) +
          (credentials.length ? C.points.emailOrPassword : 0) +
          (factors.length ? C.points.secondFactor : 0) +
          (payouts.length ? C.points.payout : 0),
        C.minScore,
      )
      if (draft) drafts.push(draft)
    }
  }
  return drafts
}
