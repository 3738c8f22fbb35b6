import crypto from 'node:crypto'
import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm'
import type { FraudAlertFilter } from '~/domain/fraud-alert-filters'
import {
  OPEN_FRAUD_ALERT_STATUSES,
  type FraudAlertStatus,
  type FraudAlertType,
  type FraudSeverity,
} from '~/domain/fraud-alerts'
import { DAY_MS } from '~/domain/durations'
import type { DisputeStatus, MilestoneStatus } from '~/domain/enums'
import { getDb } from './db.server'
import { cardAttempts, fraudAlertAccounts, fraudAlertEvents, fraudAlerts, users, type FraudEvidence } from './schema'
import { countRows, findRow, userName } from './query-helpers.server'

export type FraudAlertInput = {
  type: FraudAlertType
  key: string
  score: number
  severity: FraudSeverity
  accounts: string[]
  evidence: FraudEvidence
}

/**
 * Raises the alert for this evidence, or updates the open one with the same key when its score or
 * words changed. A closed alert stays closed: the same evidence never raises a second alert.
 */
export function upsertFraudAlertSync(
  input: FraudAlertInput,
  now: Date,
): { id: string; outcome: 'raised' | 'updated' | 'unchanged' | 'closed' } {
  const db = getDb()
  return db.transaction(
    () => {
      const existing = db.select().from(fraudAlerts).where(eq(fraudAlerts.idempotencyKey, input.key)).get()
      if (!existing) {
        const id = crypto.randomUUID()
        db.insert(fraudAlerts)
          .values({
            id,
            type: input.type,
            score: input.score,
            severity: input.severity,
            status: 'pending',
            idempotencyKey: input.key,
            subjectId: input.accounts[0]!,
            evidence: input.evidence,
            detectedAt: now,
            createdAt: now,
            updatedAt: now,
          })
          .run()
        addAccountsSync(id, input.accounts)
        db.insert(fraudAlertEvents)
          .values({ alertId: id, action: 'raised', toStatus: 'pending', note: `Score ${input.score}`, createdAt: now })
          .run()
        return { id, outcome: 'raised' as const }
      }
      if (!(OPEN_FRAUD_ALERT_STATUSES as readonly string[]).includes(existing.status))
        return { id: existing.id, outcome: 'closed' as const }
      const sameWords = JSON.stringify(existing.evidence.words) === JSON.stringify(input.evidence.words)
      if (existing.score === input.score && sameWords) return { id: existing.id, outcome: 'unchanged' as const }
      db.update(fraudAlerts)
        .set({
          score: input.score,
          severity: input.severity,
          evidence: input.evidence,
          detectedAt: now,
          updatedAt: now,
        })
        .where(eq(fraudAlerts.id, existing.id))
        .run()
      addAccountsSync(existing.id, input.accounts)
      db.insert(fraudAlertEvents)
        .values({
          alertId: existing.id,
          action: 'evidence',
          note: `New evidence: score ${existing.score} → ${input.score}`,
          createdAt: now,
        })
        .run()
      return { id: existing.id, outcome: 'updated' as const }
      // Immediate: the sweep (in the server) and an event (in a request) may read the same key at once.
    },
    { behavior: 'immediate' },
  )
}

function addAccountsSync(alertId: string, accounts: string[]) {
  const rows = [...new Set(accounts)].map((userId) => ({ alertId, userId }))
  if (rows.length) getDb().insert(fraudAlertAccounts).values(rows).onConflictDoNothing().run()
}

/** Moves an alert between states (only from `from`) and writes the step into its history. */
export function changeFraudAlertStatusSync(input: {
  id: string
  from: FraudAlertStatus[]
  to: FraudAlertStatus
  action: string
  actorId: string
  assigneeId: string | null
  note: string
  at: Date
}): boolean {
  const db = getDb()
  return db.transaction(() => {
    const current = findRow(fraudAlerts, eq(fraudAlerts.id, input.id))
    if (!current) return false
    const changed =
      db
        .update(fraudAlerts)
        .set({ status: input.to, assigneeId: input.assigneeId, updatedAt: input.at })
        .where(and(eq(fraudAlerts.id, input.id), inArray(fraudAlerts.status, input.from)))
        .run().changes > 0
    if (!changed) return false
    db.insert(fraudAlertEvents)
      .values({
        alertId: input.id,
        actorId: input.actorId,
        action: input.action,
        fromStatus: current.status,
        toStatus: input.to,
        note: input.note,
        createdAt: input.at,
      })
      .run()
    return true
  })
}

/** A step that is not a status change (an account blocked, a payout released) in the history. */
export async function recordFraudAlertEvent(input: {
  alertId: string
  actorId: string
  action: string
  note: string
  at: Date
}): Promise<void> {
  getDb()
    .insert(fraudAlertEvents)
    .values({
      alertId: input.alertId,
      actorId: input.actorId,
      action: input.action,
      note: input.note,
      createdAt: input.at,
    })
    .run()
}

/** The newest alert of this type mainly about this account (open or closed), if any. */
export async function findLatestAlertAbout(type: FraudAlertType, subjectId: string) {
  return getDb()
    .select()
    .from(fraudAlerts)
    .where(and(eq(fraudAlerts.type, type), eq(fraudAlerts.subjectId, subjectId)))
    .orderBy(desc(fraudAlerts.createdAt))
    .limit(1)
    .get()
}

export async function findFraudAlert(id: string) {
  return getDb()
    .select({
      alert: fraudAlerts,
      subjectName: users.name,
      subjectEmail: users.email,
    })
    .from(fraudAlerts)
    .innerJoin(users, eq(users.id, fraudAlerts.subjectId))
    .where(eq(fraudAlerts.id, id))
    .get()
}

export async function listFraudAlertAccounts(alertId: string) {
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, blockedAt: users.blockedAt })
    .from(fraudAlertAccounts)
    .innerJoin(users, eq(users.id, fraudAlertAccounts.userId))
    .where(eq(fraudAlertAccounts.alertId, alertId))
    .orderBy(asc(users.name))
    .all()
}

export async function listFraudAlertEvents(alertId: string) {
  return getDb()
    .select({
      id: fraudAlertEvents.id,
      action: fraudAlertEvents.action,
      fromStatus: fraudAlertEvents.fromStatus,
      toStatus: fraudAlertEvents.toStatus,
      note: fraudAlertEvents.note,
      createdAt: fraudAlertEvents.createdAt,
      actorName: userName(fraudAlertEvents.actorId),
    })
    .from(fraudAlertEvents)
    .where(eq(fraudAlertEvents.alertId, alertId))
    .orderBy(asc(fraudAlertEvents.createdAt), asc(fraudAlertEvents.id))
    .all()
}

const dayStart = (day: string) => new Date(`${day}T00:00:00Z`)
const dayEnd = (day: string) => new Date(dayStart(day).getTime() + DAY_MS - 1)

function whereOf(filter: Omit<FraudAlertFilter, 'sort' | 'page'>): SQL | undefined {
  const person = filter.person?.replace(/[%_\\]/g, (c) => `\\${c}`)
  return and(
    filter.type ? eq(fraudAlerts.type, filter.type) : undefined,
    filter.severity ? eq(fraudAlerts.severity, filter.severity) : undefined,
    filter.status ? eq(fraudAlerts.status, filter.status) : undefined,
    filter.minScore !== undefined ? gte(fraudAlerts.score, filter.minScore) : undefined,
    filter.maxScore !== undefined ? lte(fraudAlerts.score, filter.maxScore) : undefined,
    filter.from ? gte(fraudAlerts.createdAt, dayStart(filter.from)) : undefined,
    filter.to ? lte(fraudAlerts.createdAt, dayEnd(filter.to)) : undefined,
    person
      ? sql`exists (select 1 from fraud_alert_accounts fa join users pu on pu.id = fa.user_id
          where fa.alert_id = ${fraudAlerts.id}
            and (pu.name like ${`%${person}%`} escape '\\' or pu.email like ${`%${person}%`} escape '\\'))`
      : undefined,
  )
}

export type FraudAlertRow = {
  id: string
  type: FraudAlertType
  score: number
  severity: FraudSeverity
  status: FraudAlertStatus
  subjectId: string
  subjectName: string
  subjectEmail: string
  accountCount: number
  summary: string
  assigneeName: string | null
  createdAt: Date
}

/** The filtered alerts, a page of them (or all, up to `limit`, for the CSV), and how many match. */
export async function listFraudAlerts(
  filter: FraudAlertFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: FraudAlertRow[]; total: number }> {
  const db = getDb()
  const where = whereOf(filter)
  const order =
    filter.sort === 'score'
      ? [desc(fraudAlerts.score), desc(fraudAlerts.createdAt)]
      : filter.sort === 'oldest'
        ? [asc(fraudAlerts.createdAt), asc(fraudAlerts.id)]
        : [desc(fraudAlerts.createdAt), desc(fraudAlerts.id)]
  const assignee = sql<string | null>`(select name from users a where a.id = ${fraudAlerts.assigneeId})`
  const rows = db
    .select({
      id: fraudAlerts.id,
      type: fraudAlerts.type,
      score: fraudAlerts.score,
      severity: fraudAlerts.severity,
      status: fraudAlerts.status,
      subjectId: fraudAlerts.subjectId,
      subjectName: users.name,
      subjectEmail: users.email,
      accountCount: sql<number>`(select count(*) from fraud_alert_accounts fa where fa.alert_id = ${fraudAlerts.id})`,
      evidence: fraudAlerts.evidence,
      assigneeName: assignee,
      createdAt: fraudAlerts.createdAt,
    })
    .from(fraudAlerts)
    .innerJoin(users, eq(users.id, fraudAlerts.subjectId))
    .where(where)
    .orderBy(...order)
    .limit(page.limit)
    .offset(page.offset)
    .all()
  return {
    rows: rows.map(({ evidence, ...row }) => ({ ...row, summary: evidence.words[0] ?? '' })),
    total: countRows(fraudAlerts, where),
  }
}

/** The desk's numbers for alerts raised in a range. */
export async function fraudAlertStats(range: { from: Date; to: Date }) {
  const db = getDb()
  const counts = db
    .select({
      open: sql<number>`coalesce(sum(${fraudAlerts.status} in ('pending', 'investigating')), 0)`,
      critical: sql<number>`coalesce(sum(${fraudAlerts.severity} = 'critical' and ${fraudAlerts.status} in ('pending', 'investigating')), 0)`,
      resolved: sql<number>`coalesce(sum(${fraudAlerts.status} = 'resolved'), 0)`,
      falsePositive: sql<number>`coalesce(sum(${fraudAlerts.status} = 'false_positive'), 0)`,
    })
    .from(fraudAlerts)
    .where(and(gte(fraudAlerts.createdAt, range.from), lte(fraudAlerts.createdAt, range.to)))
    .get()!
  const onHold = db.all<{ currency: string; amountMinor: number }>(
    sql`select currency, sum(amount_minor) as amountMinor from payouts where status = 'held'
      and created_at between ${range.from.getTime()} and ${range.to.getTime()}
      group by currency order by currency`,
  )
  return { ...counts, onHold }
}

/** Alerts raised in a range by detector (alert type), with how the desk has decided them so far. */
export async function fraudOutcomesByType(range: { from: Date; to: Date }) {
  return getDb()
    .select({
      type: fraudAlerts.type,
      raised: sql<number>`count(*)`,
      open: sql<number>`coalesce(sum(${fraudAlerts.status} in ('pending', 'investigating')), 0)`,
      confirmed: sql<number>`coalesce(sum(${fraudAlerts.status} = 'resolved'), 0)`,
      falsePositive: sql<number>`coalesce(sum(${fraudAlerts.status} = 'false_positive'), 0)`,
    })
    .from(fraudAlerts)
    .where(and(gte(fraudAlerts.createdAt, range.from), lte(fraudAlerts.createdAt, range.to)))
    .groupBy(fraudAlerts.type)
    .all()
}

/** Alerts raised per UTC day and severity in a range (days with none are absent). */
export async function fraudAlertsPerDay(range: { from: Date; to: Date }) {
  return getDb().all<{ day: string; severity: FraudSeverity; n: number }>(
    sql`select strftime('%Y-%m-%d', created_at / 1000, 'unixepoch') as day, severity, count(*) as n
    from fraud_alerts where created_at between ${range.from.getTime()} and ${range.to.getTime()}
    group by day, severity order by day`,
  )
}

/** The highest score among an account's open alerts (0 when none): what decides a payout hold. */
export async function highestOpenFraudScoreOf(userId: string): Promise<number> {
  return (
    getDb()
      .select({ score: sql<number | null>`max(${fraudAlerts.score})` })
      .from(fraudAlertAccounts)
      .innerJoin(fraudAlerts, eq(fraudAlerts.id, fraudAlertAccounts.alertId))
      .where(and(eq(fraudAlertAccounts.userId, userId), inArray(fraudAlerts.status, [...OPEN_FRAUD_ALERT_STATUSES])))
      .get()?.score ?? 0
  )
}

export async function insertCardAttempt(input: Omit<typeof cardAttempts.$inferInsert, 'id'>): Promise<void> {
  getDb()
    .insert(cardAttempts)
    .values({ id: crypto.randomUUID(), ...input })
    .run()
}

/** The person's recent sign-ins, card payments, payouts and security events for the alert page. */
export async function recentActivityOf(userId: string, limit = 10) {
  const db = getDb()
  return {
    signIns: db.all<{ at: number; ip: string | null; country: string | null; level: string; outcome: string }>(
      sql`select created_at as at, ip, country, level, outcome from sign_in_assessments
      where user_id = ${userId} order by created_at desc limit ${limit}`,
    ),
    payments: db.all<{ at: number; amountMinor: number; currency: string; ok: number; declineReason: string | null }>(
      sql`select created_at as at, amount_minor as amountMinor, currency, ok, decline_reason as declineReason
      from card_attempts where user_id = ${userId} order by created_at desc limit ${limit}`,
    ),
    payouts: db.all<{
      id: string
      at: number
      amountMinor: number
      currency: string
      status: string
      destination: string
    }>(
      sql`select id, created_at as at, amount_minor as amountMinor, currency, status, destination from payouts
      where user_id = ${userId} order by created_at desc limit ${limit}`,
    ),
    securityEvents: db.all<{ at: number; kind: string; ip: string | null; detail: string }>(
      sql`select created_at as at, kind, ip, detail from security_events
      where user_id = ${userId} order by created_at desc limit ${limit}`,
    ),
  }
}

/** Payouts of these accounts waiting in "held", oldest first. */
export async function listHeldPayoutsOf(userIds: string[]) {
  if (!userIds.length) return []
  return getDb().all<{
    id: string
    userId: string
    amountMinor: number
    currency: string
    statusReason: string | null
    at: number
  }>(
    sql`select id, user_id as userId, amount_minor as amountMinor, currency, status_reason as statusReason, created_at as at
    from payouts where status = 'held' and user_id in (${sql.join(
      userIds.map((id) => sql`${id}`),
      sql`, `,
    )}) order by created_at`,
  )
}

/** Payouts of these accounts still waiting to be sent (not yet claimed by the sending job). */
export async function listRequestedPayoutIdsOf(userIds: string[]): Promise<string[]> {
  if (!userIds.length) return []
  return getDb()
    .all<{ id: string }>(
      sql`select id from payouts where status = 'requested' and sending_at is null and user_id in (${sql.join(
        userIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    )
    .map((row) => row.id)
}

/** Alerts nobody has taken up yet: the badge beside the fraud desk in the admin menu. */
export async function countPendingFraudAlerts(): Promise<number> {
  return (
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(fraudAlerts)
      .where(eq(fraudAlerts.status, 'pending'))
      .get()?.n ?? 0
  )
}

/**
 * Milestones in `states` (the escrow states a dispute may hold) on active contracts of the given
 * accounts, without a running dispute: what an admin may put on hold from an alert.
 */
export async function listHoldableMilestonesOf(
  userIds: string[],
  states: readonly MilestoneStatus[],
  runningDisputeStates: readonly DisputeStatus[],
) {
  if (!userIds.length || !states.length) return []
  const list = (values: readonly string[]) =>
    sql.join(
      values.map((value) => sql`${value}`),
      sql`, `,
    )
  return getDb().all<{
    milestoneId: string
    milestoneTitle: string
    amountMinor: number
    currency: string
    status: MilestoneStatus
    contractId: string
    contractTitle: string
  }>(
    sql`select m.id as milestoneId, m.title as milestoneTitle, m.amount_minor as amountMinor, c.currency, m.status,
      c.id as contractId, c.title as contractTitle
    from milestones m join contracts c on c.id = m.contract_id
    where c.status = 'active' and m.status in (${list(states)})
      and (c.client_id in (${list(userIds)}) or c.freelancer_id in (${list(userIds)}))
      and not exists (select 1 from disputes d where d.milestone_id = m.id and d.status in (${list(runningDisputeStates)}))
    order by c.created_at, m.position`,
  )
}
