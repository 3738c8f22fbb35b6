import crypto from 'node:crypto'
import { and, asc, desc, eq, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm'
import { PAYOUT_MACHINE } from '~/domain/payout-machine'
import { fromStates } from '~/domain/state-machine'
import { getDb } from './db.server'
import { preparedQuery } from './prepared-query.server'
import type { PayoutRailKind, PayoutStatus } from '../domain/enums'
import { payoutEvents, payoutMethods, payouts, users } from './schema'
import { countRows, findRow, listRows, pageOf } from './query-helpers.server'

export type PayoutMethod = typeof payoutMethods.$inferSelect
export type Payout = typeof payouts.$inferSelect
export type PayoutEvent = typeof payoutEvents.$inferSelect
type NewMethod = Omit<typeof payoutMethods.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>

// ---- methods -------------------------------------------------------------------------------

export async function insertPayoutMethod(values: NewMethod, at = new Date()): Promise<PayoutMethod> {
  const id = crypto.randomUUID()
  getDb()
    .insert(payoutMethods)
    .values({ id, ...values, createdAt: at, updatedAt: at })
    .run()
  return (await findPayoutMethodById(id)) as PayoutMethod
}

export async function findPayoutMethodById(id: string): Promise<PayoutMethod | undefined> {
  return findRow(payoutMethods, eq(payoutMethods.id, id))
}

/** The user's method, or undefined when it is someone else's (callers answer 404). */
export async function findPayoutMethodOf(userId: string, id: string): Promise<PayoutMethod | undefined> {
  return findRow(payoutMethods, and(eq(payoutMethods.id, id), eq(payoutMethods.userId, userId)))
}

/** Methods not removed, newest first. */
// The freelancer dashboard reads them on every load: prepared once.
const payoutMethodsOf = preparedQuery((db) =>
  db
    .select()
    .from(payoutMethods)
    .where(and(eq(payoutMethods.userId, sql.placeholder('userId')), ne(payoutMethods.status, 'removed')))
    .orderBy(desc(payoutMethods.createdAt))
    .prepare(),
)

export async function listPayoutMethodsOf(userId: string): Promise<PayoutMethod[]> {
  return payoutMethodsOf().all({ userId })
}

/** An unfinished Stripe onboarding of the user, to continue instead of opening a second account. */
export async function findPendingStripeMethod(userId: string): Promise<PayoutMethod | undefined> {
  return findRow(
    payoutMethods,
    and(eq(payoutMethods.userId, userId), eq(payoutMethods.provider, 'stripe'), eq(payoutMethods.status, 'pending')),
    desc(payoutMethods.createdAt),
  )
}

export async function updatePayoutMethod(id: string, set: Partial<NewMethod>, at = new Date()): Promise<void> {
  getDb()
    .update(payoutMethods)
    .set({ ...set, updatedAt: at })
    .where(eq(payoutMethods.id, id))
    .run()
}

export async function removePayoutMethod(userId: string, id: string, at = new Date()): Promise<boolean> {
  const result = getDb()
    .update(payoutMethods)
    .set({ status: 'removed', removedAt: at, updatedAt: at })
    .where(and(eq(payoutMethods.id, id), eq(payoutMethods.userId, userId), ne(payoutMethods.status, 'removed')))
    .run()
  return result.changes > 0
}

// ---- payouts (the sync functions run inside a service's transaction) -------------------------

export type NewPayout = Omit<typeof payouts.$inferInsert, 'createdAt' | 'updatedAt'>

export function findPayoutByKeySync(userId: string, idempotencyKey: string): Payout | undefined {
  return findRow(payouts, and(eq(payouts.userId, userId), eq(payouts.idempotencyKey, idempotencyKey)))
}

export function insertPayoutSync(values: NewPayout, at: Date): void {
  getDb()
    .insert(payouts)
    .values({ ...values, createdAt: at, updatedAt: at })
    .run()
}

export function findPayoutSync(id: string): Payout | undefined {
  return findRow(payouts, eq(payouts.id, id))
}

export async function findPayout(id: string): Promise<Payout | undefined> {
  return findPayoutSync(id)
}

export function setPayoutLedgerSync(
  id: string,
  set: { ledgerTransactionId?: string; reversalTransactionId?: string },
): void {
  getDb().update(payouts).set(set).where(eq(payouts.id, id)).run()
}

/**
 * Moves a payout from one of `from` to `to` only if it is still there (and, unless `sending` says
 * otherwise, not already being sent). False when someone else changed it first.
 */
export function changePayoutStatusSync(input: {
  id: string
  from: readonly PayoutStatus[]
  to: PayoutStatus
  reason: string | null
  actorId: string | null
  at: Date
  set?: Partial<Pick<Payout, 'providerRef' | 'sentAt' | 'sendingAt'>>
  /** "claimed": only a payout this caller claimed for sending; "unclaimed": only one nobody is sending. */
  sending: 'claimed' | 'unclaimed'
}): boolean {
  const db = getDb()
  const current = findPayoutSync(input.id)
  if (!current) return false
  const claim = input.sending === 'claimed' ? sql`${payouts.sendingAt} is not null` : isNull(payouts.sendingAt)
  const result = db
    .update(payouts)
    .set({ status: input.to, statusReason: input.reason, updatedAt: input.at, ...input.set })
    .where(and(eq(payouts.id, input.id), inArray(payouts.status, [...input.from]), claim))
    .run()
  if (result.changes === 0) return false
  db.insert(payoutEvents)
    .values({
      payoutId: input.id,
      actorId: input.actorId,
      fromStatus: current.status,
      toStatus: input.to,
      reason: input.reason,
      createdAt: input.at,
    })
    .run()
  return true
}

export function insertPayoutEventSync(values: Omit<typeof payoutEvents.$inferInsert, 'id'>): void {
  getDb().insert(payoutEvents).values(values).run()
}

/**
 * Claims a payout for sending: only one caller wins, and from then on it cannot be held or
 * cancelled. A claim older than `staleBefore` (a crash mid-send) can be taken again; the
 * provider's idempotency key makes the retry send once.
 */
export async function claimPayoutForSending(
  id: string,
  from: readonly PayoutStatus[],
  at: Date,
  staleBefore: Date,
): Promise<boolean> {
  const result = getDb()
    .update(payouts)
    .set({ sendingAt: at, updatedAt: at })
    .where(
      and(
        eq(payouts.id, id),
        inArray(payouts.status, [...from]),
        or(isNull(payouts.sendingAt), lte(payouts.sendingAt, staleBefore)),
      ),
    )
    .run()
  return result.changes > 0
}

export async function listPayoutsOf(userId: string, limit = 50): Promise<(Payout & { methodStatus: string })[]> {
  return getDb()
    .select({ payout: payouts, methodStatus: payoutMethods.status })
    .from(payouts)
    .innerJoin(payoutMethods, eq(payoutMethods.id, payouts.methodId))
    .where(eq(payouts.userId, userId))
    .orderBy(desc(payouts.createdAt))
    .limit(limit)
    .all()
    .map((row) => ({ ...row.payout, methodStatus: row.methodStatus }))
}

export type AdminPayoutFilter = { status?: PayoutStatus; rail?: PayoutRailKind; page: number; pageSize: number }

export async function listPayoutsForAdmin(filter: AdminPayoutFilter) {
  const conditions: SQL[] = []
  if (filter.status) conditions.push(eq(payouts.status, filter.status))
  if (filter.rail) conditions.push(eq(payouts.rail, filter.rail))
  const where = conditions.length ? and(...conditions) : undefined
  const list = getDb()
    .select({ payout: payouts, freelancerName: users.name, freelancerEmail: users.email })
    .from(payouts)
    .innerJoin(users, eq(users.id, payouts.userId))
    .where(where)
    .orderBy(desc(payouts.createdAt))
  return { rows: pageOf(list.$dynamic(), filter).all(), total: countRows(payouts, where) }
}

export async function listPayoutEvents(payoutIds: string[]): Promise<PayoutEvent[]> {
  if (!payoutIds.length) return []
  return listRows(
    payoutEvents,
    inArray(payoutEvents.payoutId, payoutIds),
    asc(payoutEvents.createdAt),
    asc(payoutEvents.id),
  )
}

/** Payouts the sending job should pick up: waiting since before `createdBefore`, not claimed (or claimed long ago). */
export async function listPayoutsDue(createdBefore: Date, staleBefore: Date, limit = 100): Promise<Payout[]> {
  return getDb()
    .select()
    .from(payouts)
    .where(
      and(
        inArray(payouts.status, fromStates(PAYOUT_MACHINE, 'send')),
        lte(payouts.createdAt, createdBefore),
        or(isNull(payouts.sendingAt), lte(payouts.sendingAt, staleBefore)),
      ),
    )
    .orderBy(asc(payouts.createdAt))
    .limit(limit)
    .all()
}
