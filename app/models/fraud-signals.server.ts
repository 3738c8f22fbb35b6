import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm'
import { getDb } from './db.server'
import { fraudSignals } from './schema'

export type FraudSignalRow = {
  id: string
  reasons: string[]
  createdAt: Date
  reviewedAt: Date | null
  senderId: string
  senderName: string
  senderEmail: string
  messageBody: string | null
  conversationId: string | null
}

/** Signals waiting for an admin (newest first), or the ones already reviewed. */
export async function listFraudSignals(show: 'open' | 'reviewed', limit = 200): Promise<FraudSignalRow[]> {
  const rows = getDb().all<{
    id: string
    reasons: string
    createdAt: number
    reviewedAt: number | null
    senderId: string
    senderName: string
    senderEmail: string
    messageBody: string | null
    conversationId: string | null
  }>(sql`
    select f.id, f.reasons, f.created_at as createdAt, f.reviewed_at as reviewedAt,
      u.id as senderId, u.name as senderName, u.email as senderEmail,
      m.body as messageBody, m.conversation_id as conversationId
    from fraud_signals f
    join users u on u.id = f.user_id
    left join messages m on f.source = 'message' and m.id = f.source_id
    where ${show === 'open' ? sql`f.reviewed_at is null` : sql`f.reviewed_at is not null`}
    order by f.created_at desc
    limit ${limit}`)
  return rows.map((row) => ({
    ...row,
    reasons: parseReasons(row.reasons),
    createdAt: new Date(row.createdAt),
    reviewedAt: row.reviewedAt === null ? null : new Date(row.reviewedAt),
  }))
}

function parseReasons(value: string): string[] {
  try {
    const parsed: unknown = JSON.parse(value)
    return Array.isArray(parsed) ? parsed.map(String) : []
  } catch {
    return []
  }
}

/** Marks a signal reviewed (at a time) or back to waiting (null). False when nothing changed. */
export async function setFraudSignalReviewed(id: string, at: Date | null): Promise<boolean> {
  const waiting = at ? isNull(fraudSignals.reviewedAt) : isNotNull(fraudSignals.reviewedAt)
  return (
    getDb()
      .update(fraudSignals)
      .set({ reviewedAt: at })
      .where(and(eq(fraudSignals.id, id), waiting))
      .run().changes > 0
  )
}

export async function countOpenFraudSignals(): Promise<number> {
  return (
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(fraudSignals)
      .where(isNull(fraudSignals.reviewedAt))
      .get()?.n ?? 0
  )
}
