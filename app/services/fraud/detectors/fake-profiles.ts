import { isDisposableEmail } from 'disposable-email-domains-js'
import { FRAUD_CONFIG } from '../fraud-config'
import { burstsOf, draftFrom, groupBy, plural, type AlertDraft } from '../alert-draft'
import type { AccountFact } from '~/domain/fraud-facts'
import { disjointSets } from '../disjoint-sets'
import { nearDuplicateGroups } from '../shingles'

const C = FRAUD_CONFIG.fakeProfiles

/** The /24 an IPv4 address is in (IPv6 addresses by their first four groups). */
function subnetOf(ip: string | null): string | null {
  if (!ip) return null
  if (ip.includes('.')) return ip.split('.').slice(0, 3).join('.')
  return ip.split(':').slice(0, 4).join(':')
}

type Cluster = { accounts: Set<string>; device: number; subnet: number; duplicates: number }

/**
 * Bulk sign-ups: many accounts from one browser (or, with other signs, one /24) within a day,
 * near-duplicate profile text (MinHash), and disposable email addresses (a maintained list).
 */
export function detectFakeProfiles(all: readonly AccountFact[], now: number): AlertDraft[] {
  const accounts = all.filter((a) => a.createdAt >= now - C.lookbackMs)
  const groups = disjointSets()
  const signs = new Map<string, { device: number; subnet: number; duplicates: number }>()
  const mark = (ids: string[], sign: 'device' | 'subnet' | 'duplicates') => {
    for (const id of ids) {
      const entry = signs.get(id) ?? { device: 0, subnet: 0, duplicates: 0 }
      entry[sign] = Math.max(entry[sign], ids.length)
      signs.set(id, entry)
      groups.join(id, ids[0]!)
    }
  }
  for (const group of groupBy(accounts, (a) => a.signUpDevice).values())
    for (const burst of burstsOf(group, (a) => a.createdAt, C.windowMs))
      if (burst.length >= C.minPerDevice)
        mark(
          burst.map((a) => a.id),
          'device',
        )
  for (const group of groupBy(accounts, (a) => subnetOf(a.signUpIp)).values())
    for (const burst of burstsOf(group, (a) => a.createdAt, C.windowMs))
      if (burst.length >= C.minPerSubnet)
        mark(
          burst.map((a) => a.id),
          'subnet',
        )
  const texts = accounts
    .filter((a) => a.profileText.split(/\s+/).filter(Boolean).length >= C.minWordsForDuplicate)
    .map((a) => ({ id: a.id, text: a.profileText }))
  for (const group of nearDuplicateGroups(texts, C.nearDuplicate))
    if (group.length >= C.minDuplicateGroup) mark(group, 'duplicates')

  const clusters = new Map<string, Cluster>()
  for (const [id, entry] of signs) {
    const root = groups.find(id)
    const cluster = clusters.get(root) ?? { accounts: new Set(), device: 0, subnet: 0, duplicates: 0 }
    cluster.accounts.add(id)
    cluster.device = Math.max(cluster.device, entry.device)
    cluster.subnet = Math.max(cluster.subnet, entry.subnet)
    cluster.duplicates = Math.max(cluster.duplicates, entry.duplicates)
    clusters.set(root, cluster)
  }
  const byId = new Map(accounts.map((a) => [a.id, a]))
  const drafts: AlertDraft[] = []
  for (const cluster of clusters.values()) {
    const members = [...cluster.accounts].map((id) => byId.get(id)!).sort((a, b) => a.createdAt - b.createdAt)
    const disposable = members.filter((a) => isDisposableEmail(a.email)).length
    const P = C.points
    const points =
      (cluster.device ? P.deviceBurst + (cluster.device - C.minPerDevice) * P.perExtraAccount : 0) +
      (cluster.subnet ? P.subnetBurst : 0) +
      (cluster.duplicates ? P.duplicates + (cluster.duplicates - C.minDuplicateGroup) * P.perExtraAccount : 0) +
      Math.min(P.maxDisposable, disposable * P.perDisposable)
    const draft = draftFrom(
      {
        type: 'fake_profiles',
        key: `fake_profiles:${members[0]!.id}`,
        accounts: members.map((a) => a.id),
        words: [
          ...(cluster.device ? [`${plural(cluster.device, 'account')} signed up from one browser within a day.`] : []),
          ...(cluster.subnet
            ? [`${plural(cluster.subnet, 'account')} signed up from one /24 network within a day.`]
            : []),
          ...(cluster.duplicates ? [`${plural(cluster.duplicates, 'profile')} have near-identical text.`] : []),
          ...(disposable ? [`${plural(disposable, 'account')} use a disposable email address.`] : []),
        ],
        data: { device: cluster.device, subnet: cluster.subnet, duplicates: cluster.duplicates, disposable },
      },
      points,
    )
    if (draft) drafts.push(draft)
  }
  return drafts
}
