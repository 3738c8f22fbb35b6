import { FRAUD_CONFIG } from '../fraud-config'
import { burstsOf, draftFrom, groupBy, minutes, plural, type AlertDraft } from '../alert-draft'
import type { CardAttemptFact } from '~/domain/fraud-facts'

const C = FRAUD_CONFIG.cardTesting

/** Many card attempts in a burst, mostly declined, over several cards, usually for tiny amounts. */
export function detectCardTesting(attempts: readonly CardAttemptFact[]): AlertDraft[] {
  const drafts: AlertDraft[] = []
  for (const [userId, mine] of groupBy(attempts, (a) => a.userId)) {
    for (const burst of burstsOf(mine, (a) => a.at, C.windowMs)) {
      if (burst.length < C.minAttempts) continue
      const cards = new Set(burst.map((a) => a.card ?? 'unknown')).size
      const declined = burst.filter((a) => !a.ok).length
      const ratio = declined / burst.length
      if (cards < C.minDistinctCards || ratio < C.minDeclineRatio) continue
      const small = burst.filter((a) => a.amountMinor <= C.smallAmountMinor).length
      const mostlySmall = small * 2 >= burst.length
      const first = burst[0]!.at
      const span = burst.at(-1)!.at - first
      const draft = draftFrom(
        {
          type: 'card_testing',
          key: `card_testing:${userId}:${first}`,
          accounts: [userId],
          words: [
            `${plural(cards, 'card')} tried ${plural(burst.length, 'time')} in ${minutes(span)}, ${declined} declined.`,
            ...(mostlySmall
              ? [`${small} of the attempts were for small amounts (${C.smallAmountMinor / 100} or less).`]
              : []),
          ],
          data: { attempts: burst.length, cards, declined, small, firstAt: first, lastAt: burst.at(-1)!.at },
        },
        (burst.length - C.minAttempts) * C.points.perAttemptOverMin +
          cards * C.points.perDistinctCard +
          ratio * C.points.declineRatio +
          (mostlySmall ? C.points.mostlySmall : 0),
      )
      if (draft) drafts.push(draft)
    }
  }
  return drafts
}
