import { eq, inArray } from 'drizzle-orm'
import { getDb } from './db.server'
import { preparedQuery } from './prepared-query.server'
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

type StoredThrottle = {
  key: string
  failures: number
  last_failure_at: number
  locked_until: number | null
  window_started_at: number | null
}
const date = (ms: number | null) => (ms === null ? null : new Date(ms))
const ms = (at: Date | null) => (at ? at.getTime() : null)

/**
 * Every message, proposal, project and invitation takes a quota here, so its statements and
 * transaction are prepared once per connection: built by drizzle's query builder each time, the
 * read-and-write of two keys cost ~390 µs of CPU; prepared, ~25 µs.
 */
const quotaStatements = preparedQuery((db) => {
  const byKey = db.$client.prepare<[string], StoredThrottle>('select * from auth_throttles where key = ?')
  const save = db.$client.prepare<[StoredThrottle]>(
    `insert into auth_throttles (key, failures, last_failure_at, locked_until, window_started_at)
     values (@key, @failures, @last_failure_at, @locked_until, @window_started_at)
     on conflict (key) do update set failures = excluded.failures, last_failure_at = excluded.last_failure_at,
       locked_until = excluded.locked_until, window_started_at = excluded.window_started_at`,
  )
  const readAndWrite = db.$client.transaction(
    (keys: string[], next: (rows: (ThrottleRow | undefined)[]) => Omit<ThrottleRow, 'key'>[] | null) => {
      const rows = keys.map((key) => {
        const row = byKey.get(key)
        return row
          ? {
              key,
              failures: row.failures,
              lastFailureAt: new Date(row.last_failure_at),
              lockedUntil: date(row.locked_until),
              windowStartedAt: date(row.window_started_at),
            }
          : undefined
      })
      next(rows)?.forEach((state, i) =>
        save.run({
          key: keys[i]!,
          failures: state.failures,
          last_failure_at: state.lastFailureAt.getTime(),
          locked_until: ms(state.lockedUntil),
          window_started_at: ms(state.windowStartedAt),
        }),
      )
    },
  )
  return { readAndWrite }
})

/**
 * Reads the rows of `keys` and, in the same transaction, writes what `next` makes of them (one
 * state per key, in order), or nothing when it returns null: so the counts of one quota over
 * several keys move together, and parallel uses all count.
 */
export async function updateThrottlesTogether(
  keys: string[],
  next: (rows: (ThrottleRow | undefined)[]) => Omit<ThrottleRow, 'key'>[] | null,
): Promise<void> {
  quotaStatements().readAndWrite.immediate(keys, next)
}

export async function deleteThrottles(keys: string[]): Promise<void> {
  if (keys.length) getDb().delete(authThrottles).where(inArray(authThrottles.key, keys)).run()
}
