import { and, eq, isNull } from 'drizzle-orm'
import { getDb } from './db.server'
import { preparedRowOfUser } from './prepared-query.server'
import { smsFactors } from './schema'
import { deleteRows, replaceUnconfirmedRow, updateRows } from './query-helpers.server'

export type SmsFactor = typeof smsFactors.$inferSelect

const smsFactorOf = preparedRowOfUser(smsFactors)

export async function findSmsFactor(userId: string): Promise<SmsFactor | undefined> {
  return smsFactorOf(userId)
}

/** Keeps a number waiting for its code, in place of another unverified one; false when one is verified. */
export async function replaceUnverifiedPhone(userId: string, phoneE164: string, now: Date): Promise<boolean> {
  const unverified = and(eq(smsFactors.userId, userId), isNull(smsFactors.verifiedAt))
  return replaceUnconfirmedRow(smsFactors, unverified, {
    userId,
    phoneE164,
    verifiedAt: null,
    createdAt: now,
  })
}

/** Marks the waiting number verified, if it is still the one the code went to. */
export async function markPhoneVerified(userId: string, phoneE164: string, now: Date): Promise<boolean> {
  return updateRows(
    smsFactors,
    { verifiedAt: now },
    and(eq(smsFactors.userId, userId), eq(smsFactors.phoneE164, phoneE164), isNull(smsFactors.verifiedAt)),
  )
}

export async function deleteSmsFactor(userId: string): Promise<SmsFactor | undefined> {
  return getDb().delete(smsFactors).where(eq(smsFactors.userId, userId)).returning().get()
}

/** Drops a number still waiting for its code (a verified one stays). */
export async function deleteUnverifiedPhone(userId: string): Promise<boolean> {
  return deleteRows(smsFactors, and(eq(smsFactors.userId, userId), isNull(smsFactors.verifiedAt)))
}
