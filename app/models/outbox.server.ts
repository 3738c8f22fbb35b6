import { count, desc, eq } from 'drizzle-orm'
import { getDb } from './db.server'
import { containsText } from './sql-helpers.server'
import { outbox } from './schema'

export type OutboxMessage = typeof outbox.$inferSelect

export async function insertOutboxMessage(message: OutboxMessage): Promise<void> {
  getDb().insert(outbox).values(message).run()
}

export async function listOutbox(filter: { to?: string; page: number; pageSize: number }) {
  const where = filter.to ? containsText(outbox.to, filter.to) : undefined
  const db = getDb()
  const rows = db
    .select()
    .from(outbox)
    .where(where)
    .orderBy(desc(outbox.createdAt))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .all()
  const total = db.select({ n: count() }).from(outbox).where(where).get()?.n ?? 0
  return { rows, total }
}

export async function findOutboxMessage(id: string): Promise<OutboxMessage | undefined> {
  return getDb().select().from(outbox).where(eq(outbox.id, id)).get()
}

export async function countOutbox(): Promise<number> {
  return getDb().select({ n: count() }).from(outbox).get()?.n ?? 0
}
