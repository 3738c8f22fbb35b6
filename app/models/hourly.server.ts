import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, sql, sum } from 'drizzle-orm'
import { INVOICE_MACHINE } from '~/domain/invoice-machine'
import { fromStates } from '~/domain/state-machine'
import { getDb } from './db.server'
import type { InvoiceStatus } from '../domain/enums'
import { contractActivity, contracts, disputes, invoices, timeEntries } from './schema'
import { deleteRows, findRow, insertRow, listRows } from './query-helpers.server'

export type TimeEntry = typeof timeEntries.$inferSelect
export type Invoice = typeof invoices.$inferSelect

export async function listTimeEntries(contractId: string): Promise<TimeEntry[]> {
  return listRows(
    timeEntries,
    eq(timeEntries.contractId, contractId),
    desc(timeEntries.workDate),
    desc(timeEntries.createdAt),
  )
}

/** Minutes logged in [weekStart, weekEnd) on the contract. */
export async function minutesLoggedBetween(contractId: string, weekStart: string, weekEnd: string): Promise<number> {
  const row = getDb()
    .select({ minutes: sum(timeEntries.minutes) })
    .from(timeEntries)
    .where(
      and(
        eq(timeEntries.contractId, contractId),
        gte(timeEntries.workDate, weekStart),
        lt(timeEntries.workDate, weekEnd),
      ),
    )
    .get()
  return Number(row?.minutes ?? 0)
}

/** What is logged when a new entry is about to be written: its contract's week, and its freelancer's day. */
export type LoggedTime = { weekInvoiced: boolean; weekMinutes: number; dayMinutes: number }

/**
 * Inserts the entry unless `refuse`, given the time logged when the write begins (the contract's
 * week, and the freelancer's day on all their contracts), names a reason. One immediate
 * transaction: entries sent at the same moment cannot each pass a limit the others fill.
 * Returns the reason, or null once inserted.
 */
export async function insertTimeEntryUnless<Reason>(
  entry: { contractId: string; freelancerId: string; workDate: string; minutes: number; memo: string },
  week: { start: string; end: string },
  refuse: (logged: LoggedTime) => Reason | null,
): Promise<Reason | null> {
  return getDb().transaction((tx) => {
    const invoice = tx
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(eq(invoices.contractId, entry.contractId), eq(invoices.weekStart, week.start)))
      .get()
    const weekRow = tx
      .select({ minutes: sum(timeEntries.minutes) })
      .from(timeEntries)
      .where(
        and(
          eq(timeEntries.contractId, entry.contractId),
          gte(timeEntries.workDate, week.start),
          lt(timeEntries.workDate, week.end),
        ),
      )
      .get()
    const dayRow = tx
      .select({ minutes: sum(timeEntries.minutes) })
      .from(timeEntries)
      .innerJoin(contracts, eq(contracts.id, timeEntries.contractId))
      .where(and(eq(contracts.freelancerId, entry.freelancerId), eq(timeEntries.workDate, entry.workDate)))
      .get()
    const reason = refuse({
      weekInvoiced: invoice !== undefined,
      weekMinutes: Number(weekRow?.minutes ?? 0),
      dayMinutes: Number(dayRow?.minutes ?? 0),
    })
    if (reason !== null) return reason
    const { freelancerId: _freelancerId, ...row } = entry
    tx.insert(timeEntries)
      .values({ id: crypto.randomUUID(), ...row })
      .run()
    return null
  })
}

export async function insertTimeEntry(entry: { contractId: string; workDate: string; minutes: number; memo: string }) {
  return insertRow(timeEntries, { id: crypto.randomUUID(), ...entry })
}

/** Deletes an entry that is not invoiced yet; returns whether one was deleted. */
export async function deleteUninvoicedTimeEntry(contractId: string, entryId: string): Promise<boolean> {
  return deleteRows(
    timeEntries,
    and(eq(timeEntries.id, entryId), eq(timeEntries.contractId, contractId), isNull(timeEntries.invoiceId)),
  )
}

export async function listInvoices(contractId: string): Promise<Invoice[]> {
  return listRows(invoices, eq(invoices.contractId, contractId), desc(invoices.weekStart))
}

export async function findInvoice(contractId: string, invoiceId: string): Promise<Invoice | undefined> {
  return findRow(invoices, and(eq(invoices.id, invoiceId), eq(invoices.contractId, contractId)))
}

/** Weeks (Mondays) before `beforeWeek` that have time not yet on an invoice. */
export async function listUninvoicedWeeks(contractId: string, beforeWeek: string): Promise<string[]> {
  const rows = getDb().all<{ day: string }>(sql`
    select distinct work_date as day from time_entries
    where contract_id = ${contractId} and invoice_id is null and work_date < ${beforeWeek}
    order by work_date`)
  return rows.map((row) => row.day)
}

/** Each day before `beforeWeek` with time not on an invoice yet, with its minutes, oldest first. */
export async function listUninvoicedDays(
  contractId: string,
  beforeWeek: string,
): Promise<{ day: string; minutes: number }[]> {
  const rows = getDb().all<{ day: string; minutes: number }>(sql`
    select work_date as day, sum(minutes) as minutes from time_entries
    where contract_id = ${contractId} and invoice_id is null and work_date < ${beforeWeek}
    group by work_date order by work_date`)
  return rows.map((row) => ({ day: row.day, minutes: Number(row.minutes) }))
}

/**
 * Puts the week's uninvoiced time on one invoice, in one transaction. Returns undefined when the
 * week has no uninvoiced time or is already invoiced (so running twice bills once).
 */
export async function createWeeklyInvoice(input: {
  contractId: string
  weekStart: string
  weekEnd: string
  amountFor: (minutes: number) => number
  reviewDueAt: Date
  now: Date
}): Promise<Invoice | undefined> {
  const db = getDb()
  return db.transaction((tx) => {
    const existing = tx
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(eq(invoices.contractId, input.contractId), eq(invoices.weekStart, input.weekStart)))
      .get()
    if (existing) return undefined
    const inWeek = and(
      eq(timeEntries.contractId, input.contractId),
      isNull(timeEntries.invoiceId),
      gte(timeEntries.workDate, input.weekStart),
      lt(timeEntries.workDate, input.weekEnd),
    )
    const minutes = Number(
      tx
        .select({ minutes: sum(timeEntries.minutes) })
        .from(timeEntries)
        .where(inWeek)
        .get()?.minutes ?? 0,
    )
    if (minutes === 0) return undefined
    const invoice = tx
      .insert(invoices)
      .values({
        id: crypto.randomUUID(),
        contractId: input.contractId,
        weekStart: input.weekStart,
        minutes,
        amountMinor: input.amountFor(minutes),
        status: 'pending',
        reviewDueAt: input.reviewDueAt,
        createdAt: input.now,
        updatedAt: input.now,
      })
      .returning()
      .get()
    tx.update(timeEntries).set({ invoiceId: invoice.id }).where(inWeek).run()
    return invoice
  })
}

/**
 * Moves a pending invoice to approved, or to disputed with a dispute for an admin to decide, in one
 * transaction with its activity line. False when the invoice was no longer pending.
 */
export async function decideInvoice(input: {
  invoice: Invoice
  /** The states the decision may leave (from the invoice's state machine). */
  from: InvoiceStatus[]
  decision: 'approved' | 'disputed'
  actorId: string | null
  detail: string
  disputeReason?: string
  at: Date
}): Promise<boolean> {
  const { invoice, decision, at } = input
  return getDb().transaction((tx) => {
    const changes = tx
      .update(invoices)
      .set(
        decision === 'approved'
          ? { status: 'approved', payableMinor: invoice.amountMinor, approvedAt: at, updatedAt: at }
          : { status: 'disputed', disputedAt: at, updatedAt: at },
      )
      .where(and(eq(invoices.id, invoice.id), inArray(invoices.status, input.from)))
      .run().changes
    if (changes === 0) return false
    if (decision === 'disputed' && input.actorId) {
      tx.insert(disputes)
        .values({
          id: crypto.randomUUID(),
          contractId: invoice.contractId,
          invoiceId: invoice.id,
          amountMinor: invoice.amountMinor,
          openedBy: input.actorId,
          reason: input.disputeReason ?? '',
          createdAt: at,
          updatedAt: at,
        })
        .run()
    }
    tx.insert(contractActivity)
      .values({
        id: crypto.randomUUID(),
        contractId: invoice.contractId,
        actorId: input.actorId,
        kind: `invoice.${decision}`,
        detail: input.detail,
        createdAt: at,
      })
      .run()
    return true
  })
}

/** Pending invoices whose review time is over: they count as approved. */
export async function listOverdueInvoices(now: Date): Promise<Invoice[]> {
  return listRows(
    invoices,
    and(inArray(invoices.status, fromStates(INVOICE_MACHINE, 'auto_approve')), lte(invoices.reviewDueAt, now)),
    asc(invoices.reviewDueAt),
  )
}

export async function findInvoiceById(invoiceId: string): Promise<Invoice | undefined> {
  return findRow(invoices, eq(invoices.id, invoiceId))
}

/** Invoices in any of the statuses, oldest first (the charge job's work list). */
export async function listInvoicesInStatus(statuses: InvoiceStatus[]): Promise<Invoice[]> {
  return listRows(invoices, inArray(invoices.status, statuses), asc(invoices.weekStart))
}

/** Saves the client's weekly limit settings (see hourly.ts changeWeeklyLimit). */
export async function saveWeeklyLimit(
  contractId: string,
  settings: {
    weeklyLimitHours: number | null
    nextWeeklyLimitHours: number | null
    nextWeeklyLimitFrom: string | null
  },
  line: { actorId: string; detail: string },
  at: Date,
): Promise<void> {
  getDb().transaction((tx) => {
    tx.update(contracts)
      .set({ ...settings, updatedAt: at })
      .where(eq(contracts.id, contractId))
      .run()
    tx.insert(contractActivity)
      .values({
        id: crypto.randomUUID(),
        contractId,
        actorId: line.actorId,
        kind: 'contract.weekly_limit',
        detail: line.detail,
        createdAt: at,
      })
      .run()
  })
}

export async function listActiveHourlyContracts() {
  return getDb()
    .select()
    .from(contracts)
    .where(and(eq(contracts.type, 'hourly'), eq(contracts.status, 'active')))
    .all()
}
