import { and, eq, isNotNull, isNull, lt, or } from 'drizzle-orm'
import { getDb } from './db.server'
import { preparedRowOfUser } from './prepared-query.server'
import { totpFactors } from './schema'
import { deleteRows, replaceUnconfirmedRow } from './query-helpers.server'

export type TotpFactor = typeof totpFactors.$inferSelect

const totpFactorOf = preparedRowOfUser(totpFactors)

export async function findTotpFactor(userId: string): Promise<TotpFactor | undefined> {
  return totpFactorOf(userId)
}

/** Stores a new unconfirmed secret in place of an unconfirmed one; false when a confirmed one exists. */
export async function replaceUnconfirmedTotp(userId: string, secretSealed: string, now: Date): Promise<boolean> {
  const unconfirmed = and(eq(totpFactors.userId, userId), isNull(totpFactors.confirmedAt))
  return replaceUnconfirmedRow(totpFactors, unconfirmed, {
    userId,
    secretSealed,
    confirmedAt: null,
    lastTimeStep: null,
    createdAt: now,
  })
}

/**
 * Accepts a code's time step once: the row changes only when the step is later than the last
 * accepted one, so two requests racing with the same code succeed once.
 */
export async function acceptTotpTimeStep(userId: string, timeStep: number, confirmAt?: Date): Promise<boolean> {
  const result = getDb()
    .update(totpFactors)
    .set({ lastTimeStep: timeStep, ...(confirmAt ? { confirmedAt: confirmAt } : {}) })
    .where(
      and(
        eq(totpFactors.userId, userId),
        confirmAt ? isNull(totpFactors.confirmedAt) : isNotNull(totpFactors.confirmedAt),
        or(isNull(totpFactors.lastTimeStep), lt(totpFactors.lastTimeStep, timeStep)),
      ),
    )
    .run()
  return result.changes > 0
}

export async function deleteTotpFactor(userId: string): Promise<boolean> {
  return deleteRows(totpFactors, eq(totpFactors.userId, userId))
}

/** Drops a set-up that was never confirmed (an app that is on stays). */
export async function deleteUnconfirmedTotp(userId: string): Promise<boolean> {
  return deleteRows(totpFactors, and(eq(totpFactors.userId, userId), isNull(totpFactors.confirmedAt)))
}
