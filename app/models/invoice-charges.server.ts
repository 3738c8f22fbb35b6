import crypto from 'node:crypto'
import { and, eq, inArray, isNotNull, lt, or, sql } from 'drizzle-orm'
import { INVOICE_MACHINE } from '~/domain/invoice-machine'
import { fromStates, toState } from '~/domain/state-machine'
import type { SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core'
import { getDb } from './db.server'
import type { InvoiceChargeSource, InvoiceStatus } from '../domain/enums'
import { writeLedgerTransaction, type LedgerPosting } from './ledger.server'
import { cardPayments, contractActivity, contracts, invoices, savedCards } from './schema'
import { countRows, deleteRows, findRow, listColumn } from './query-helpers.server'

type Line = { actorId: string | null; kind: string; detail: string }
export type SavedCard = typeof savedCards.$inferSelect
/** A successful card charge: who processed it and what the payer's statement will show. */
export type CardCharge = { provider: 'sandbox' | 'stripe'; providerRef: string | null; last4: string }

function activity(contractId: string, line: Line, at: Date) {
  return { id: crypto.randomUUID(), contractId, ...line, createdAt: at }
}

/**
 * Claims an invoice for charging: moves it from one of `from` (or from a stale "charging" claim)
 * to "charging" with a fresh claim token. Only the caller that gets a token may charge.
 */
export async function claimInvoiceCharge(input: {
  invoiceId: string
  from: InvoiceStatus[]
  staleBefore: Date
  at: Date
}): Promise<string | null> {
  const claim = crypto.randomUUID()
  const changes = getDb()
    .update(invoices)
    .set({ status: 'charging', chargeClaim: claim, chargeClaimedAt: input.at, updatedAt: input.at })
    .where(
      and(
        eq(invoices.id, input.invoiceId),
        or(
          inArray(invoices.status, input.from),
          and(
            inArray(invoices.status, fromStates(INVOICE_MACHINE, 'reclaim_charge')),
            lt(invoices.chargeClaimedAt, input.staleBefore),
          ),
        ),
      ),
    )
    .run().changes
  return changes ? claim : null
}

/** Invoices whose charge was claimed before `before` and never finished. */
export async function listStaleChargeClaims(before: Date): Promise<string[]> {
  return listColumn(
    invoices.id,
    and(
      inArray(invoices.status, fromStates(INVOICE_MACHINE, 'reclaim_charge')),
      isNotNull(invoices.chargeClaimedAt),
      lt(invoices.chargeClaimedAt, before),
    ),
  )
}

/**
 * Pays a claimed invoice: its status, the balanced ledger transaction and (for a card) the card
 * payment, in one database transaction. Throws LedgerViolation (writing nothing) when the wallet
 * no longer covers it. A contract paused for unpaid invoices resumes once none is left unpaid.
 */
export async function recordInvoicePaid(input: {
  invoiceId: string
  contractId: string
  payerId: string
  claim: string
  source: InvoiceChargeSource
  card: CardCharge | null
  split: { grossMinor: number; feeMinor: number; feeTaxMinor: number; netMinor: number; currency: string }
  posting: LedgerPosting
  line: Line
  at: Date
}): Promise<{ paid: boolean; resumed: boolean }> {
  const { at, split } = input
  const db = getDb()
  return db.transaction(() => {
    const changes = endChargeClaim(input, 'charge', {
      status: 'paid',
      paidAt: at,
      chargedFrom: input.source,
      feeMinor: split.feeMinor,
      feeTaxMinor: split.feeTaxMinor,
      netMinor: split.netMinor,
      chargeError: null,
    }).run().changes
    if (!changes) return { paid: false, resumed: false }
    const { transactionId } = writeLedgerTransaction(input.posting)
    db.update(invoices).set({ ledgerTransactionId: transactionId }).where(eq(invoices.id, input.invoiceId)).run()
    if (input.card) {
      insertInvoiceCardPayment(input, {
        provider: input.card.provider,
        providerRef: input.card.providerRef,
        amountMinor: split.grossMinor,
        currency: split.currency,
        status: 'succeeded',
        cardLast4: input.card.last4,
        ledgerTransactionId: transactionId,
      })
    }
    db.insert(contractActivity)
      .values(activity(input.contractId, input.line, at))
      .run()
    const unpaid = countRows(
      invoices,
      and(eq(invoices.contractId, input.contractId), eq(invoices.status, toState(INVOICE_MACHINE, 'charge_declined'))),
    )
    const resumed =
      !unpaid &&
      db
        .update(contracts)
        .set({ hourlyPausedAt: null, hourlyPauseReason: null, updatedAt: at })
        .where(and(eq(contracts.id, input.contractId), isNotNull(contracts.hourlyPausedAt)))
        .run().changes > 0
    return { paid: true, resumed }
  })
}

/**
 * A declined charge of a claimed invoice: "payment_failed" with the reason, one more failure
 * counted, the attempt in the payer's card history, and, at `maxFailures`, the contract paused.
 */
export async function recordInvoiceDeclined(input: {
  invoiceId: string
  contractId: string
  payerId: string
  claim: string
  reason: string
  cardAttempt: { provider: 'sandbox' | 'stripe'; last4: string; amountMinor: number; currency: string } | null
  maxFailures: number
  pauseReason: string
  line: Line
  at: Date
}): Promise<{ recorded: boolean; failures: number; paused: boolean }> {
  const { at } = input
  const db = getDb()
  return db.transaction(() => {
    const row = endChargeClaim(input, 'charge_declined', {
      status: 'payment_failed',
      chargeFailures: sql`${invoices.chargeFailures} + 1`,
      chargeError: input.reason,
    })
      .returning({ failures: invoices.chargeFailures })
      .get()
    if (!row) return { recorded: false, failures: 0, paused: false }
    if (input.cardAttempt) {
      insertInvoiceCardPayment(input, {
        provider: input.cardAttempt.provider,
        amountMinor: input.cardAttempt.amountMinor,
        currency: input.cardAttempt.currency,
        status: 'failed',
        cardLast4: input.cardAttempt.last4,
        failureReason: input.reason,
      })
    }
    db.insert(contractActivity)
      .values(activity(input.contractId, input.line, at))
      .run()
    const paused =
      row.failures >= input.maxFailures &&
      db
        .update(contracts)
        .set({ hourlyPausedAt: at, hourlyPauseReason: input.pauseReason, updatedAt: at })
        .where(and(eq(contracts.id, input.contractId), sql`${contracts.hourlyPausedAt} is null`))
        .run().changes > 0
    return { recorded: true, failures: row.failures, paused }
  })
}

/**
 * Ends the caller's charge claim with the invoice's new state (`set`): only while the claim holds,
 * i.e. the invoice may still take `move` and nobody else claimed or moved it meanwhile.
 */
function endChargeClaim(
  input: { invoiceId: string; claim: string; at: Date },
  move: 'charge' | 'charge_declined',
  set: SQLiteUpdateSetSource<typeof invoices>,
) {
  return getDb()
    .update(invoices)
    .set({ ...set, chargeClaim: null, updatedAt: input.at })
    .where(
      and(
        eq(invoices.id, input.invoiceId),
        inArray(invoices.status, fromStates(INVOICE_MACHINE, move)),
        eq(invoices.chargeClaim, input.claim),
      ),
    )
}

/** The charge attempt in the payer's card history, named after the invoice. */
function insertInvoiceCardPayment(
  input: { invoiceId: string; payerId: string; at: Date },
  row: Omit<typeof cardPayments.$inferInsert, 'id' | 'userId' | 'purpose' | 'createdAt' | 'updatedAt'>,
): void {
  getDb()
    .insert(cardPayments)
    .values({
      id: crypto.randomUUID(),
      userId: input.payerId,
      purpose: `invoice:${input.invoiceId}`,
      ...row,
      createdAt: input.at,
      updatedAt: input.at,
    })
    .run()
}

export async function findSavedCard(userId: string): Promise<SavedCard | undefined> {
  return findRow(savedCards, eq(savedCards.userId, userId))
}

/** One card on file per user: a new one replaces the old. */
export async function saveCard(card: Omit<SavedCard, 'createdAt' | 'updatedAt'>, at: Date): Promise<void> {
  getDb()
    .insert(savedCards)
    .values({ ...card, createdAt: at, updatedAt: at })
    .onConflictDoUpdate({ target: savedCards.userId, set: { ...card, updatedAt: at } })
    .run()
}

export async function removeSavedCard(userId: string): Promise<boolean> {
  return deleteRows(savedCards, eq(savedCards.userId, userId))
}
