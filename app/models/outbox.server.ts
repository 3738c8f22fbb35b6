import { and, count, desc, eq, gte, inArray, isNotNull, lte } from 'drizzle-orm'
import { getDb } from './db.server'
import { containsText } from './sql-helpers.server'
import { outbox } from './schema'
import { countRows, findRow, pageOf } from './query-helpers.server'

export type OutboxMessage = typeof outbox.$inferSelect

export async function insertOutboxMessage(message: typeof outbox.$inferInsert): Promise<void> {
  getDb().insert(outbox).values(message).run()
}

/** A body whose code has expired is never shown, even before the erasing job has run. */
function withoutExpiredBody(message: OutboxMessage, now: Date): OutboxMessage {
  return message.expiresAt && message.expiresAt <= now ? { ...message, text: null } : message
}

export async function listOutbox(filter: { to?: string; page: number; pageSize: number }, now = new Date()) {
  const where = filter.to ? containsText(outbox.to, filter.to) : undefined
  const rows = pageOf(getDb().select().from(outbox).where(where).orderBy(desc(outbox.createdAt)).$dynamic(), filter)
    .all()
    .map((row) => withoutExpiredBody(row, now))
  return { rows, total: countRows(outbox, where) }
}

export async function findOutboxMessage(id: string, now = new Date()): Promise<OutboxMessage | undefined> {
  const row = findRow(outbox, eq(outbox.id, id))
  return row && withoutExpiredBody(row, now)
}

/** The newest message of one of `kinds` to exactly `to` recorded since `since`, body hidden once expired. */
export async function findLatestOutboxMessageTo(
  to: string,
  kinds: OutboxMessage['kind'][],
  since: Date,
  now = new Date(),
): Promise<OutboxMessage | undefined> {
  const row = getDb()
    .select()
    .from(outbox)
    .where(and(eq(outbox.to, to), inArray(outbox.kind, kinds), gte(outbox.createdAt, since)))
    .orderBy(desc(outbox.createdAt))
    .get()
  return row && withoutExpiredBody(row, now)
}

export async function countOutbox(): Promise<number> {
  return getDb().select({ n: count() }).from(outbox).get()?.n ?? 0
}

/** Erases the bodies whose code has expired; returns how many. */
export async function eraseExpiredOutboxBodies(now: Date): Promise<number> {
  return getDb()
    .update(outbox)
    .set({ text: null })
    .where(and(isNotNull(outbox.text), lte(outbox.expiresAt, now)))
    .run().changes
}
