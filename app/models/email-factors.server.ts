import { eq, sql } from 'drizzle-orm'
import { getDb } from './db.server'
import { preparedQuery } from './prepared-query.server'
import { emailFactors } from './schema'

// Every dashboard asks whether the user has a second factor: prepared once.
const emailFactorOf = preparedQuery((db) =>
  db
    .select()
    .from(emailFactors)
    .where(eq(emailFactors.userId, sql.placeholder('userId')))
    .prepare(),
)

export async function isEmailFactorOn(userId: string): Promise<boolean> {
  return emailFactorOf().get({ userId }) !== undefined
}

export async function turnEmailFactorOn(userId: string, now: Date): Promise<void> {
  getDb().insert(emailFactors).values({ userId, enabledAt: now }).onConflictDoNothing().run()
}

export async function turnEmailFactorOff(userId: string): Promise<boolean> {
  return getDb().delete(emailFactors).where(eq(emailFactors.userId, userId)).run().changes > 0
}
