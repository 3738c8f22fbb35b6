import { listAllowlistOf, listBlocklist } from '~/models/ip-lists.server'
import { ipInRanges } from './ip-ranges'

/** The blocklist entry that covers this IP, if any. */
export async function blocklistEntryFor(ip: string | null) {
  if (!ip) return undefined
  const entries = await listBlocklist()
  return entries.find((entry) => ipInRanges(ip, [entry.cidr]))
}

/** True when the account has an allowlist and this IP is outside every range on it. */
export async function isOutsideAllowlist(userId: string, ip: string | null): Promise<boolean> {
  const entries = await listAllowlistOf(userId)
  return (
    entries.length > 0 &&
    !ipInRanges(
      ip,
      entries.map((entry) => entry.cidr),
    )
  )
}
