import { eq } from 'drizzle-orm'
import { getDb } from './db.server'
import { freelancerProfiles, weeklyAvailability, type AvailabilityWindow } from './schema'
import { findRow } from './query-helpers.server'

export type Availability = typeof weeklyAvailability.$inferSelect

export async function findAvailability(userId: string): Promise<Availability | undefined> {
  return findRow(weeklyAvailability, eq(weeklyAvailability.userId, userId))
}

export async function saveAvailability(input: {
  userId: string
  timeZone: string
  windows: AvailabilityWindow[]
  now: Date
}): Promise<void> {
  const values = { timeZone: input.timeZone, windows: input.windows, updatedAt: input.now }
  getDb()
    .insert(weeklyAvailability)
    .values({ userId: input.userId, ...values })
    .onConflictDoUpdate({ target: weeklyAvailability.userId, set: values })
    .run()
}

/** The time zone a freelancer gave on their profile, if any (clients have none). */
export async function findProfileTimeZone(userId: string): Promise<string | null> {
  const row = getDb()
    .select({ timeZone: freelancerProfiles.timeZone })
    .from(freelancerProfiles)
    .where(eq(freelancerProfiles.userId, userId))
    .get()
  return row?.timeZone ?? null
}
