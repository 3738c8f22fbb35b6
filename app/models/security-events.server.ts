import { and, count, desc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm'
import { getDb } from './db.server'
import { containsText } from './sql-helpers.server'
import { securityEvents, users, type Severity } from './schema'
import { hasRow, pageOf } from './query-helpers.server'

export type SecurityEventRow = typeof securityEvents.$inferSelect

export async function insertSecurityEvent(row: SecurityEventRow): Promise<void> {
  getDb().insert(securityEvents).values(row).run()
}

export type SecurityEventFilter = {
  userId?: string
  kind?: string
  severity?: Severity
  ip?: string
  since?: Date
  /** Exclusive upper bound. */
  until?: Date
  /** The account's email, matched whole (any case) or as a part of it. */
  email?: { text: string; match: 'exact' | 'contains' }
  /**
   * A sign-in from a new device is logged twice ("Signed in" and "Signed in from a new device", at the
   * same moment, with one risk check or none after a sign-up); its owner sees it once, as the new
   * device. Admins see both (fraud facts count the first).
   */
  oneLinePerSignIn?: boolean
  page: number
  pageSize: number
}

/** Newest first, with the account's email for the admin view. */
export async function listSecurityEvents(filter: SecurityEventFilter) {
  const conditions: SQL[] = []
  if (filter.userId) conditions.push(eq(securityEvents.userId, filter.userId))
  if (filter.kind) conditions.push(eq(securityEvents.kind, filter.kind))
  if (filter.severity) conditions.push(eq(securityEvents.severity, filter.severity))
  if (filter.ip) conditions.push(eq(securityEvents.ip, filter.ip))
  if (filter.since) conditions.push(gte(securityEvents.createdAt, filter.since))
  if (filter.until) conditions.push(lt(securityEvents.createdAt, filter.until))
  if (filter.email) {
    const { text, match } = filter.email
    conditions.push(
      match === 'exact' ? eq(sql`lower(${users.email})`, text.toLowerCase()) : containsText(users.email, text),
    )
  }
  if (filter.oneLinePerSignIn) {
    conditions.push(sql`not (${securityEvents.kind} = 'sign_in_succeeded' and exists (
      select 1 from security_events twin where twin.user_id = ${securityEvents.userId}
        and twin.kind = 'new_device' and twin.created_at = ${securityEvents.createdAt}
        and twin.assessment_id is ${securityEvents.assessmentId}))`)
  }
  const where = conditions.length ? and(...conditions) : undefined
  const db = getDb()
  const list = db
    .select({ event: securityEvents, email: users.email })
    .from(securityEvents)
    .leftJoin(users, eq(users.id, securityEvents.userId))
    .where(where)
    .orderBy(desc(securityEvents.createdAt))
  // Counted over the same join: the email filter reads the user.
  const total =
    db
      .select({ n: count() })
      .from(securityEvents)
      .leftJoin(users, eq(users.id, securityEvents.userId))
      .where(where)
      .get()?.n ?? 0
  return { rows: pageOf(list.$dynamic(), filter).all(), total }
}

/** How many events of a kind an account or an IP had since a time: the velocity factors. */
export async function countSecurityEvents(
  kind: string,
  by: { userId: string } | { ip: string },
  since: Date,
): Promise<number> {
  const who = 'userId' in by ? eq(securityEvents.userId, by.userId) : eq(securityEvents.ip, by.ip)
  return (
    getDb()
      .select({ n: count() })
      .from(securityEvents)
      .where(and(eq(securityEvents.kind, kind), who, gte(securityEvents.createdAt, since)))
      .get()?.n ?? 0
  )
}

/** Whether the user has an event of one of `kinds` from `since` to `until` (both included). */
export async function hasSecurityEventBetween(
  userId: string,
  kinds: string[],
  since: Date,
  until: Date,
): Promise<boolean> {
  return hasRow(
    securityEvents,
    and(
      eq(securityEvents.userId, userId),
      inArray(securityEvents.kind, kinds),
      gte(securityEvents.createdAt, since),
      lte(securityEvents.createdAt, until),
    ),
  )
}
