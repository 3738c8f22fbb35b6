import { FRAUD_CONFIG } from '../fraud-config'
import { groupBy } from '../alert-draft'
import type { FraudFacts } from '~/domain/fraud-facts'
import { disjointSets } from '../disjoint-sets'

const C = FRAUD_CONFIG.linked

type LinkKind = 'device' | 'payout_destination' | 'card' | 'ip'

/** Two accounts and everything that links them. */
type AccountLink = { a: string; b: string; kinds: LinkKind[]; strong: boolean }

export type LinkedGroups = {
  /** The group (connected component) an account is in; accounts with no link are absent. */
  groupOf: Map<string, number>
  links: AccountLink[]
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`)

/**
 * The graph of accounts that share a device cookie, a payout destination or a card (strong links), or
 * signed in from one IP within minutes of each other again and again (a weak link), and its
 * connected components. Links say who might be one person; they are not an alert on their own.
 */
export function linkAccounts(
  facts: Pick<FraudFacts, 'signIns' | 'devices' | 'payoutMethods' | 'accounts' | 'cardAttempts'>,
): LinkedGroups {
  const kinds = new Map<string, Set<LinkKind>>()
  const ipHits = new Map<string, number>()
  const link = (x: string, y: string, kind: LinkKind) => {
    if (x === y) return
    const key = pairKey(x, y)
    const set = kinds.get(key) ?? new Set()
    set.add(kind)
    kinds.set(key, set)
  }
  const linkAll = (owners: Iterable<string>, kind: LinkKind) => {
    const unique = [...new Set(owners)]
    if (unique.length < 2 || unique.length > 50) return // a shared kiosk or a bug, not a person
    for (let i = 1; i < unique.length; i++) link(unique[0]!, unique[i]!, kind)
    for (let i = 1; i < unique.length - 1; i++) link(unique[i]!, unique[i + 1]!, kind)
  }
  const devices = new Map<string, string[]>()
  for (const s of facts.signIns)
    if (s.deviceId) (devices.get(s.deviceId) ?? devices.set(s.deviceId, []).get(s.deviceId)!).push(s.userId)
  for (const d of facts.devices)
    (devices.get(d.deviceId) ?? devices.set(d.deviceId, []).get(d.deviceId)!).push(d.userId)
  for (const a of facts.accounts)
    if (a.signUpDevice) (devices.get(a.signUpDevice) ?? devices.set(a.signUpDevice, []).get(a.signUpDevice)!).push(a.id)
  for (const owners of devices.values()) linkAll(owners, 'device')
  for (const methods of groupBy(facts.payoutMethods, (m) => m.destination).values())
    linkAll(
      methods.map((m) => m.userId),
      'payout_destination',
    )
  for (const attempts of groupBy(facts.cardAttempts, (c) => c.card).values())
    linkAll(
      attempts.map((c) => c.userId),
      'card',
    )
  for (const signIns of groupBy(facts.signIns, (s) => s.ip).values()) {
    const sorted = [...signIns].sort((x, y) => x.at - y.at)
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length && sorted[j]!.at - sorted[i]!.at <= C.ipWindowMs; j++) {
        if (sorted[i]!.userId === sorted[j]!.userId) continue
        const key = pairKey(sorted[i]!.userId, sorted[j]!.userId)
        ipHits.set(key, (ipHits.get(key) ?? 0) + 1)
      }
    }
  }
  for (const [key, hits] of ipHits) {
    if (hits < C.minIpCoincidences) continue
    const [a, b] = key.split('|') as [string, string]
    link(a, b, 'ip')
  }
  const links: AccountLink[] = [...kinds].map(([key, set]) => {
    const [a, b] = key.split('|') as [string, string]
    const list = [...set]
    return { a, b, kinds: list, strong: list.some((k) => k !== 'ip') }
  })
  return { groupOf: componentsOf(links), links }
}

function componentsOf(links: AccountLink[]): Map<string, number> {
  const groups = disjointSets()
  for (const { a, b } of links) groups.join(a, b)
  const numbers = new Map<string, number>()
  const groupOf = new Map<string, number>()
  for (const id of groups.ids()) {
    const root = groups.find(id)
    if (!numbers.has(root)) numbers.set(root, numbers.size)
    groupOf.set(id, numbers.get(root)!)
  }
  return groupOf
}

/** Whether two accounts are in one linked group. */
export function sameGroup(groups: LinkedGroups, a: string, b: string): boolean {
  const ga = groups.groupOf.get(a)
  return ga !== undefined && ga === groups.groupOf.get(b)
}
