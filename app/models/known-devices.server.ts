import crypto from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { getDb } from './db.server'
import { knownDevices } from './schema'
import { findRow } from './query-helpers.server'

export type KnownDevice = typeof knownDevices.$inferSelect

export async function findKnownDevice(userId: string, deviceId: string): Promise<KnownDevice | undefined> {
  return findRow(knownDevices, and(eq(knownDevices.userId, userId), eq(knownDevices.deviceId, deviceId)))
}

/** Records (or refreshes) a browser the account signed in from; true when it was new. */
export async function rememberDevice(
  userId: string,
  deviceId: string,
  userAgent: string | null,
  now: Date,
): Promise<boolean> {
  const inserted = getDb()
    .insert(knownDevices)
    .values({ id: crypto.randomUUID(), userId, deviceId, userAgent, firstSeenAt: now, lastSeenAt: now })
    .onConflictDoNothing()
    .run().changes
  if (!inserted) {
    getDb()
      .update(knownDevices)
      .set({ lastSeenAt: now, userAgent })
      .where(and(eq(knownDevices.userId, userId), eq(knownDevices.deviceId, deviceId)))
      .run()
  }
  return inserted > 0
}
