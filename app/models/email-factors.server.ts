import { eq } from 'drizzle-orm'
import { getDb } from './db.server'
import { emailFactors } from './schema'
import { findRow } from './query-helpers.server'

export async function isEmailFactorOn(userId: string): Promise<boolean> {
  return findRow(emailFactors, eq(emailFactors.userId, userId)) !== undefined
}

export async function turnEmailFactorOn(userId: string, now: Date): Promise<void> {
  getDb().insert(emailFactors).values({ userId, enabledAt: now }).onConflictDoNothing().run()
}

export async function turnEmailFactorOff(userId: string): Promise<boolean> {
  return getDb().delete(emailFactors).where(eq(emailFactors.userId, userId)).run().changes > 0
}
