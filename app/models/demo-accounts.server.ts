import { count, eq } from 'drizzle-orm'
import { getDb } from './db.server'
import { demoAccounts } from './schema'

/** Records accounts the demo seed created, so a production start can recognise them. */
export async function markDemoAccounts(userIds: string[]): Promise<void> {
  if (!userIds.length) return
  getDb()
    .insert(demoAccounts)
    .values(userIds.map((userId) => ({ userId })))
    .onConflictDoNothing()
    .run()
}

export async function countDemoAccounts(): Promise<number> {
  return getDb().select({ n: count() }).from(demoAccounts).get()?.n ?? 0
}

/** Whether the demo seed created this account (its password is published). */
export async function isDemoAccount(userId: string): Promise<boolean> {
  return Boolean(
    getDb().select({ userId: demoAccounts.userId }).from(demoAccounts).where(eq(demoAccounts.userId, userId)).get(),
  )
}
