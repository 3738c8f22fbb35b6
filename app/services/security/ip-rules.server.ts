import { forgetCachedBlocklist, listAllowlistOf, listBlocklistCached } from '~/models/ip-lists.server'
import { relayedEmitter } from '~/services/cluster/relayed-emitter.server'
import { ipInRanges } from './ip-ranges'

const CHANGED = 'changed'
let listening = false

/** Tells every web worker the blocklist changed, so each reads it again at its next check. */
export function announceBlocklistChanged(): void {
  forgetCachedBlocklist()
  relayedEmitter('ip-blocklist').emit(CHANGED)
}

/** The blocklist entry that covers this IP, if any: from the cached list (no query per request). */
export async function blocklistEntryFor(ip: string | null) {
  if (!ip) return undefined
  if (!listening) {
    listening = true
    relayedEmitter('ip-blocklist').on(CHANGED, forgetCachedBlocklist)
  }
  const entries = await listBlocklistCached()
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
