import { asc, eq } from 'drizzle-orm'
import { getDb } from './db.server'
import { deleteOwnedRow } from './owned-rows.server'
import { ipAllowlist, ipBlocklist, users } from './schema'
import { listRows } from './query-helpers.server'

export type BlocklistEntry = typeof ipBlocklist.$inferSelect
export type AllowlistEntry = typeof ipAllowlist.$inferSelect

export async function listBlocklist(): Promise<BlocklistEntry[]> {
  return getDb().select().from(ipBlocklist).orderBy(asc(ipBlocklist.cidr)).all()
}

// The blocklist as last read: every signed-in request checks its address against it, and it changes
// only when an admin adds or removes a range (which forgets it here; other web workers are told).
let cachedBlocklist: Promise<BlocklistEntry[]> | null = null

/** The blocklist, read from the database only after a change (see forgetCachedBlocklist). */
export async function listBlocklistCached(): Promise<BlocklistEntry[]> {
  cachedBlocklist ??= listBlocklist().catch((error: unknown) => {
    cachedBlocklist = null
    throw error
  })
  return cachedBlocklist
}

/** The next check reads the blocklist again (after a change here or in another web worker). */
export function forgetCachedBlocklist(): void {
  cachedBlocklist = null
}

/** The blocklist with the name and email of the admin who added each range (null once that account is gone). */
export async function listBlocklistWithAuthors() {
  return getDb()
    .select({ entry: ipBlocklist, authorName: users.name, authorEmail: users.email })
    .from(ipBlocklist)
    .leftJoin(users, eq(users.id, ipBlocklist.createdBy))
    .orderBy(asc(ipBlocklist.cidr))
    .all()
}

/** False when the range is already listed. */
export async function insertBlocklistEntry(row: BlocklistEntry): Promise<boolean> {
  forgetCachedBlocklist()
  return getDb().insert(ipBlocklist).values(row).onConflictDoNothing().run().changes > 0
}

/** The removed range and its reason, or undefined when it was already gone. */
export async function deleteBlocklistEntry(id: string): Promise<Pick<BlocklistEntry, 'cidr' | 'reason'> | undefined> {
  forgetCachedBlocklist()
  return getDb()
    .delete(ipBlocklist)
    .where(eq(ipBlocklist.id, id))
    .returning({ cidr: ipBlocklist.cidr, reason: ipBlocklist.reason })
    .get()
}

export async function listAllowlistOf(userId: string): Promise<AllowlistEntry[]> {
  return listRows(ipAllowlist, eq(ipAllowlist.userId, userId), asc(ipAllowlist.cidr))
}

export async function insertAllowlistEntry(row: AllowlistEntry): Promise<boolean> {
  return getDb().insert(ipAllowlist).values(row).onConflictDoNothing().run().changes > 0
}

/** Every range of the account's allowlist; how many there were. */
export async function deleteAllowlistOf(userId: string): Promise<number> {
  return getDb().delete(ipAllowlist).where(eq(ipAllowlist.userId, userId)).run().changes
}

export async function deleteAllowlistEntryOf(userId: string, id: string): Promise<boolean> {
  return deleteOwnedRow(ipAllowlist, ipAllowlist.userId, userId, ipAllowlist.id, id)
}
