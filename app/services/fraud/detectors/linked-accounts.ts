import { FRAUD_CONFIG } from '../fraud-config'
import { draftFrom, plural, type AlertDraft } from '../alert-draft'
import type { FraudFacts } from '~/domain/fraud-facts'
import { sameGroup, type LinkedGroups } from './linked-groups'

const C = FRAUD_CONFIG.linked

const LINK_WORDS = {
  device: 'a browser',
  payout_destination: 'a payout destination',
  card: 'a card',
  ip: 'an IP address at the same times',
}

/**
 * Contracts, releases and reviews inside one linked group: hiring, paying or rating yourself.
 * A group linked only by IP (an office) never alerts; it needs a device, card or payout destination.
 */
export function detectLinkedAccounts(
  facts: Pick<FraudFacts, 'contracts' | 'releases' | 'reviews'>,
  groups: LinkedGroups,
): AlertDraft[] {
  const byGroup = new Map<number, { contracts: number; releases: number; reviews: number; accounts: Set<string> }>()
  const note = (a: string, b: string, what: 'contracts' | 'releases' | 'reviews') => {
    if (!sameGroup(groups, a, b)) return
    const group = groups.groupOf.get(a)!
    const entry = byGroup.get(group) ?? { contracts: 0, releases: 0, reviews: 0, accounts: new Set<string>() }
    entry[what]++
    entry.accounts.add(a).add(b)
    byGroup.set(group, entry)
  }
  for (const c of facts.contracts) note(c.clientId, c.freelancerId, 'contracts')
  for (const r of facts.releases) note(r.clientId, r.freelancerId, 'releases')
  for (const r of facts.reviews) note(r.reviewerId, r.revieweeId, 'reviews')
  const drafts: AlertDraft[] = []
  for (const [group, inside] of byGroup) {
    const links = groups.links.filter((l) => groups.groupOf.get(l.a) === group)
    const strong = links.filter((l) => l.strong)
    if (!strong.length) continue
    const accounts = [...inside.accounts].sort()
    const weak = links.length - strong.length
    const draft = draftFrom(
      {
        type: 'linked_accounts',
        key: `linked_accounts:${accounts[0]}`,
        accounts,
        words: [
          ...(['device', 'payout_destination', 'card', 'ip'] as const)
            .map((kind) => [kind, links.filter((l) => l.kinds.includes(kind)).length] as const)
            .filter(([, pairs]) => pairs > 0)
            .map(([kind, pairs]) => `${plural(pairs, 'pair')} of accounts share ${LINK_WORDS[kind]}.`),
          `Inside the group: ${plural(inside.contracts, 'contract')}, ${plural(inside.releases, 'release')}, ${plural(inside.reviews, 'review')}.`,
        ],
        data: { links, contracts: inside.contracts, releases: inside.releases, reviews: inside.reviews },
      },
      Math.min(2, strong.length) * C.points.strongLink +
        Math.min(2, weak) * C.points.ipLink +
        (inside.contracts ? C.points.contractInside : 0) +
        (inside.releases ? C.points.releaseInside : 0) +
        (inside.reviews ? C.points.reviewInside : 0),
    )
    if (draft) drafts.push(draft)
  }
  return drafts
}
