import { eq } from 'drizzle-orm'
import { getDb } from './db.server'
import { billingDetails, clientProfiles, freelancerProfiles } from './schema'
import { findRow } from './query-helpers.server'

export type BillingDetails = typeof billingDetails.$inferSelect

/** Synchronous so a release can read it inside its own transaction. */
export function readBillingDetails(userId: string): BillingDetails | undefined {
  return findRow(billingDetails, eq(billingDetails.userId, userId))
}

/** The free-text country of the user's profile (client or freelancer), read inside a transaction. */
export function readProfileCountry(userId: string): string | null {
  const db = getDb()
  const client = db
    .select({ country: clientProfiles.country })
    .from(clientProfiles)
    .where(eq(clientProfiles.userId, userId))
    .get()
  if (client?.country) return client.country
  return (
    db
      .select({ country: freelancerProfiles.country })
      .from(freelancerProfiles)
      .where(eq(freelancerProfiles.userId, userId))
      .get()?.country ?? null
  )
}

export async function findBillingDetails(userId: string): Promise<BillingDetails | undefined> {
  return readBillingDetails(userId)
}

export async function saveBillingDetails(
  userId: string,
  values: { countryCode: string; vatId: string | null },
  at: Date,
): Promise<void> {
  const row = {
    countryCode: values.countryCode,
    vatId: values.vatId,
    vatIdCheckedAt: values.vatId ? at : null,
    updatedAt: at,
  }
  getDb()
    .insert(billingDetails)
    .values({ userId, ...row, createdAt: at })
    .onConflictDoUpdate({ target: billingDetails.userId, set: row })
    .run()
}
