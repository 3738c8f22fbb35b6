import crypto from 'node:crypto'
import {
  deleteAllowlistEntryOf,
  deleteAllowlistOf,
  deleteBlocklistEntry,
  insertAllowlistEntry,
  insertBlocklistEntry,
  listAllowlistOf,
  listBlocklistWithAuthors,
} from '~/models/ip-lists.server'
import type { RequestOrigin } from './context'
import { recordAdminAction, recordSecurityEvent } from './events.server'
import { ipInRanges, normaliseCidr } from './ip-ranges'
import { announceBlocklistChanged } from './ip-rules.server'

export type ListChange = { ok: true; cidr: string } | { ok: false; field: 'cidr' | 'form'; message: string }

const INVALID: ListChange = {
  ok: false,
  field: 'cidr',
  message: 'Enter an IP address such as 203.0.113.7 or a range such as 203.0.113.0/24',
}

export async function blocklist() {
  const rows = await listBlocklistWithAuthors()
  return rows.map(({ entry, authorName, authorEmail }) => ({
    id: entry.id,
    cidr: entry.cidr,
    reason: entry.reason,
    addedBy: authorName ? { name: authorName, email: authorEmail ?? '' } : null,
    createdAt: entry.createdAt,
  }))
}

/** Adds a range refused at sign-in. Never one that covers the admin's own address: they would shut themselves out. */
export async function addToBlocklist(input: {
  cidr: string
  reason: string
  adminId: string
  adminIp: string | null
  now?: Date
}): Promise<ListChange> {
  const cidr = normaliseCidr(input.cidr)
  if (!cidr) return INVALID
  if (ipInRanges(input.adminIp, [cidr])) {
    return {
      ok: false,
      field: 'cidr',
      message: `${cidr} includes your own IP address (${input.adminIp}), so you would block yourself.`,
    }
  }
  const added = await insertBlocklistEntry({
    id: crypto.randomUUID(),
    cidr,
    reason: input.reason.trim(),
    createdBy: input.adminId,
    createdAt: input.now ?? new Date(),
  })
  if (!added) return { ok: false, field: 'cidr', message: `${cidr} is already on the blocklist.` }
  announceBlocklistChanged()
  await recordAdminAction(
    { id: input.adminId },
    { ip: input.adminIp, userAgent: null, deviceId: null },
    `Added ${cidr} to the IP blocklist: ${input.reason.trim()}`,
  )
  return { ok: true, cidr }
}

/** Removes a range, logged on the admin's account with the range and why it had been blocked. */
export async function removeFromBlocklist(id: string, admin: { id: string }, origin: RequestOrigin): Promise<boolean> {
  const removed = await deleteBlocklistEntry(id)
  if (!removed) return false
  announceBlocklistChanged()
  await recordAdminAction(
    admin,
    origin,
    `Removed ${removed.cidr} from the IP blocklist (blocked for: ${removed.reason})`,
  )
  return true
}

export async function allowlistOf(userId: string) {
  return listAllowlistOf(userId)
}

const lockedOut = (ip: string | null) =>
  `Your list would not include the IP address you are using now (${ip ?? 'unknown'}), so you could not sign in again from here.`

/**
 * Adds a range to the account's allowlist. A list that leaves out the current address is refused,
 * so nobody locks themselves out; every change goes to the security log.
 */
export async function addToAllowlist(input: {
  userId: string
  cidr: string
  label?: string
  origin: RequestOrigin
  now?: Date
}): Promise<ListChange> {
  const cidr = normaliseCidr(input.cidr)
  if (!cidr) return INVALID
  const existing = await listAllowlistOf(input.userId)
  if (existing.some((entry) => entry.cidr === cidr)) {
    return { ok: false, field: 'cidr', message: `${cidr} is already on your allowlist.` }
  }
  const ranges = [...existing.map((entry) => entry.cidr), cidr]
  if (!ipInRanges(input.origin.ip, ranges)) return { ok: false, field: 'cidr', message: lockedOut(input.origin.ip) }
  const label = input.label?.trim() ?? ''
  const now = input.now ?? new Date()
  const added = await insertAllowlistEntry({
    id: crypto.randomUUID(),
    userId: input.userId,
    cidr,
    label,
    createdAt: now,
  })
  if (!added) return { ok: false, field: 'cidr', message: `${cidr} is already on your allowlist.` }
  const detail = `Added ${cidr}${label ? ` (${label})` : ''}`
  await recordSecurityEvent({ userId: input.userId, kind: 'allowlist_changed', origin: input.origin, detail, now })
  return { ok: true, cidr }
}

/** Removing the last range turns the allowlist off; removing one the current address needs is refused. */
export async function removeFromAllowlist(input: {
  userId: string
  entryId: string
  origin: RequestOrigin
  now?: Date
}): Promise<ListChange> {
  const existing = await listAllowlistOf(input.userId)
  const target = existing.find((entry) => entry.id === input.entryId)
  if (!target) return { ok: false, field: 'form', message: 'That range is not on your allowlist any more.' }
  const remaining = existing.filter((entry) => entry.id !== target.id).map((entry) => entry.cidr)
  if (remaining.length && !ipInRanges(input.origin.ip, remaining)) {
    const message =
      `Removing ${target.cidr} would leave a list without the IP address you are using now ` +
      `(${input.origin.ip ?? 'unknown'}), so you could not sign in again from here.`
    return { ok: false, field: 'form', message }
  }
  if (!(await deleteAllowlistEntryOf(input.userId, target.id))) {
    return { ok: false, field: 'form', message: 'That range is not on your allowlist any more.' }
  }
  const detail = remaining.length ? `Removed ${target.cidr}` : `Removed ${target.cidr}; the allowlist is now off`
  await recordSecurityEvent({
    userId: input.userId,
    kind: 'allowlist_changed',
    origin: input.origin,
    detail,
    now: input.now,
  })
  return { ok: true, cidr: target.cidr }
}

/**
 * Support's way back in for a member whose own allowlist shuts them out (their office or home
 * address changed): the whole list goes, on the member's log with the reason (a high event, so
 * they are emailed: support tricked by someone else is found out at once) and on the admin's.
 */
export async function clearAllowlistByAdmin(input: {
  userId: string
  who: string
  admin: { id: string }
  reason: string
  origin: RequestOrigin
  now?: Date
}): Promise<number> {
  const removed = await deleteAllowlistOf(input.userId)
  if (!removed) return 0
  const ranges = `${removed} range${removed === 1 ? '' : 's'}`
  await recordSecurityEvent({
    userId: input.userId,
    kind: 'allowlist_cleared',
    origin: input.origin,
    detail: `${ranges} removed: ${input.reason}`,
    now: input.now,
  })
  await recordAdminAction(
    input.admin,
    input.origin,
    `Turned off the IP allowlist of ${input.who} (${ranges}): ${input.reason}`,
  )
  return removed
}
