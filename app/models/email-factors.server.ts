import { eq } from 'drizzle-orm'
import { getDb } from './db.server'
import { preparedRowOfUser } from './prepared-query.server'
import { emailFactors } from './schema'
import { deleteRows } from './query-helpers.server'

const emailFactorOf = preparedRowOfUser(emailFactors)

export async function isEmailFactorOn(userId: string): Promise<boolean> {
  return emailFactorOf(userId) !== undefined
}

export async function turnEmailFactorOn(userId: string, now: Date): Promise<void> {
  getDb().insert(emailFactors).values({ userId, enabledAt: now }).onConflictDoNothing().run()
}

export async function turnEmailFactorOff(userId: string): Promise<boolean> {
  return deleteRows(emailFactors, eq(emailFactors.userId, userId))
}
