import { eq, inArray } from 'drizzle-orm'
import { getDb } from './db.server'
import { authThrottles } from './schema'

export type ThrottleRow = typeof authThrottles.$inferSelect

export async function findThrottles(keys: string[]): Promise<ThrottleRow[]> {
  if (!keys.length) return []
  return getDb().select().from(authThrottles).where(inArray(authThrottles.key, keys)).all()
}

/** Reads and writes one key inside a transaction so parallel failures all count. */
export async function updateThrottle(
  key: string,
  next: (row: ThrottleRow | undefined) => Omit<ThrottleRow, 'key'>,
): Promise<{ before: ThrottleRow | undefined; after: Omit<ThrottleRow, 'key'> }> {
  const db = getDb()
  return db.transaction(
    (tx) => {
      const row = tx.select().from(authThrottles).where(eq(authThrottles.key, key)).get()
      const values = next(row)
      tx.insert(authThrottles)
        .values({ key, ...values })
        .onConflictDoUpdate({ target: authThrottles.key, set: values })
        .run()
      return { before: row, after: values }
    },
    { behavior: 'immediate' },
  )
}

/**
 * Reads the rows of `keys` and, in the same transaction, writes what `next` makes of them (one
 * state per key, in order), or nothing when it returns null: so the counts of one quota over
 * several keys move together, and parallel uses all count.
 */
export async function updateThrottlesTogether(
  keys: string[],
  next: (rows: (ThrottleRow | undefined)[]) => Omit<ThrottleRow, 'key'>[] | null,
): Promise<void> {
  const db = getDb()
  db.transaction(
    (tx) => {
      const found = keys.length ? tx.select().from(authThrottles).where(inArray(authThrottles.key, keys)).all() : []
      const states = next(keys.map((key) => found.find((row) => row.key === key)))
      states?.forEach((values, i) => {
        tx.insert(authThrottles)
          .values({ key: keys[i]!, ...values })
          .onConflictDoUpdate({ target: authThrottles.key, set: values })
          .run()
      })
    },
    { behavior: 'immediate' },
  )
}

export async function deleteThrottles(keys: string[]): Promise<void> {
  if (keys.length) getDb().delete(authThrottles).where(inArray(authThrottles.key, keys)).run()
}
