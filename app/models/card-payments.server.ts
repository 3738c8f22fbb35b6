import crypto from 'node:crypto'
import { and, eq, isNull } from 'drizzle-orm'
import { getDb } from './db.server'
import { cardPayments, ledgerTransactions } from './schema'
import { findRow, updateRows } from './query-helpers.server'

export type CardPayment = typeof cardPayments.$inferSelect

export async function createCardPayment(input: {
  userId: string
  purpose: string
  amountMinor: number
  currency: string
  provider?: CardPayment['provider']
  at: Date
}): Promise<CardPayment> {
  const row = { id: crypto.randomUUID(), status: 'pending' as const, ...input, provider: input.provider ?? 'sandbox' }
  getDb()
    .insert(cardPayments)
    .values({
      id: row.id,
      userId: row.userId,
      provider: row.provider,
      purpose: row.purpose,
      amountMinor: row.amountMinor,
      currency: row.currency,
      status: row.status,
      createdAt: row.at,
      updatedAt: row.at,
    })
    .run()
  return (await findCardPayment(row.id)) as CardPayment
}

export async function findCardPayment(id: string): Promise<CardPayment | undefined> {
  return findRow(cardPayments, eq(cardPayments.id, id))
}

/** A declined attempt: the payment stays open so the payer can try another card. */
export async function recordCardDecline(id: string, reason: string, at: Date): Promise<void> {
  getDb()
    .update(cardPayments)
    .set({ failureReason: reason, updatedAt: at })
    .where(and(eq(cardPayments.id, id), eq(cardPayments.status, 'pending')))
    .run()
}

/** Pending → succeeded, once. Synchronous so it joins the caller's transaction. */
export function markCardPaymentSucceeded(input: {
  id: string
  last4: string | null
  ledgerTransactionId: string | null
  at: Date
}): boolean {
  return updateRows(
    cardPayments,
    {
      status: 'succeeded',
      cardLast4: input.last4,
      failureReason: null,
      ledgerTransactionId: input.ledgerTransactionId,
      updatedAt: input.at,
    },
    and(eq(cardPayments.id, input.id), eq(cardPayments.status, 'pending')),
  )
}

export function linkCardPaymentToLedger(id: string, ledgerTransactionId: string): void {
  getDb().update(cardPayments).set({ ledgerTransactionId }).where(eq(cardPayments.id, id)).run()
}

export async function findCardPaymentByProviderRef(
  provider: CardPayment['provider'],
  providerRef: string,
): Promise<CardPayment | undefined> {
  return findRow(cardPayments, and(eq(cardPayments.provider, provider), eq(cardPayments.providerRef, providerRef)))
}

/** Remembers the provider's checkout id; only once, so a stray session never replaces the first. */
export async function setCardPaymentProviderRef(id: string, providerRef: string, at: Date): Promise<void> {
  getDb()
    .update(cardPayments)
    .set({ providerRef, updatedAt: at })
    .where(and(eq(cardPayments.id, id), isNull(cardPayments.providerRef)))
    .run()
}

/** A decline inside a caller's transaction (webhooks): the payment stays open for another try. */
export function recordCardDeclineSync(id: string, reason: string, at: Date): boolean {
  return updateRows(
    cardPayments,
    { failureReason: reason, updatedAt: at },
    and(eq(cardPayments.id, id), eq(cardPayments.status, 'pending')),
  )
}

/** Pending → failed, once (an expired checkout can never be paid). Synchronous like the success. */
export function markCardPaymentFailed(id: string, reason: string, at: Date): boolean {
  return updateRows(
    cardPayments,
    { status: 'failed', failureReason: reason, updatedAt: at },
    and(eq(cardPayments.id, id), eq(cardPayments.status, 'pending')),
  )
}

/** The kind of ledger movement a paid card payment made: "escrow.fund" or "wallet.deposit". */
export async function cardPaymentLedgerKind(id: string): Promise<string | null> {
  const row = getDb()
    .select({ kind: ledgerTransactions.kind })
    .from(cardPayments)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, cardPayments.ledgerTransactionId))
    .where(eq(cardPayments.id, id))
    .get()
  return row?.kind ?? null
}
