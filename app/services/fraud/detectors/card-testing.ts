import { FRAUD_CONFIG } from '../fraud-config'
import { burstsOf, draftFrom, groupBy, minutes, plural, type AlertDraft } from '../alert-draft'
import type { CardAttemptFact } from '~/domain/fraud-facts'

const C = FRAUD_CONFIG.cardTesting

type Source = { kind: 'account' | 'device' | 'ip'; keyOf: (a: CardAttemptFact) => string | null; where: string }

/**
 * Groups are looked at per account, then per browser and per IP across accounts (a tester spreading a
 * run over fresh accounts). A browser or IP group alerts only when it spans several accounts and
 * was not already told by a browser group: one account's run is its own account's alert.
 */
const SOURCES: Source[] = [
  { kind: 'account', keyOf: (a) => a.userId, where: '' },
  { kind: 'device', keyOf: (a) => a.deviceId, where: 'one browser' },
  { kind: 'ip', keyOf: (a) => a.ip, where: 'one IP address' },
]

/** Many card attempts in a burst, mostly declined, over several cards, usually for tiny amounts. */
export function detectCardTesting(attempts: readonly CardAttemptFact[]): AlertDraft[] {
  const drafts: AlertDraft[] = []
  const told = new Set<CardAttemptFact>()
  for (const source of SOURCES) {
    for (const [key, mine] of groupBy(attempts, source.keyOf)) {
      for (const burst of burstsOf(mine, (a) => a.at, C.windowMs)) {
        const accounts = [...new Set(burst.map((a) => a.userId))]
        if (source.kind !== 'account' && (accounts.length < 2 || burst.every((a) => told.has(a)))) continue
        const draft = draftOfBurst(source, key, burst, accounts)
        if (!draft) continue
        drafts.push(draft)
        if (source.kind === 'device') burst.forEach((a) => told.add(a))
      }
    }
  }
  return drafts
}

function draftOfBurst(source: Source, key: string, burst: CardAttemptFact[], accounts: string[]): AlertDraft | null {
  if (burst.length < C.minAttempts) return null
  const cards = new Set(burst.map((a) => a.card ?? 'unknown')).size
  const declined = burst.filter((a) => !a.ok).length
  const ratio = declined / burst.length
  if (cards < C.minDistinctCards || ratio < C.minDeclineRatio) return null
  const small = burst.filter((a) => a.amountMinor <= C.smallAmountMinor).length
  const mostlySmall = small * 2 >= burst.length
  const first = burst[0]!.at
  const span = burst.at(-1)!.at - first
  const across = source.kind === 'account' ? '' : ` from ${source.where} across ${plural(accounts.length, 'account')}`
  return draftFrom(
    {
      type: 'card_testing',
      key: source.kind === 'account' ? `card_testing:${key}:${first}` : `card_testing:${source.kind}:${key}:${first}`,
      accounts,
      words: [
        `${plural(cards, 'card')} tried ${plural(burst.length, 'time')} in ${minutes(span)}${across}, ${declined} declined.`,
        ...(mostlySmall
          ? [
              // The threshold is in minor units of whatever currency each card payment was in: say so, with the unit.
              `${small} of the attempts were for small amounts (${(C.smallAmountMinor / 100).toFixed(2)} or less in the payment’s currency).`,
            ]
          : []),
      ],
      data: {
        attempts: burst.length,
        cards,
        declined,
        small,
        firstAt: first,
        lastAt: burst.at(-1)!.at,
        ...(source.kind === 'account' ? {} : { [source.kind]: key, accounts: accounts.length }),
      },
    },
    (burst.length - C.minAttempts) * C.points.perAttemptOverMin +
      cards * C.points.perDistinctCard +
      ratio * C.points.declineRatio +
      (mostlySmall ? C.points.mostlySmall : 0),
  )
}
