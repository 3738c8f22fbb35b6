import crypto from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { getDb } from './db.server'
import { cardPayments } from './schema'

export type CardPayment = typeof cardPayments.$inferSelect

export async function createCardPayment(input: { userId: string; purpose: string; amountMinor: number; currency: string; at: Date }): Promise<CardPayment> {
  const row = { id: crypto.randomUUID(), provider: 'sandbox' as const, status: 'pending' as const, createdAt: input.at, updatedAt: input.at, ...input }
  getDb()
    .insert(cardPayments)
    .values({ id: row.id, userId: row.userId, provider: row.provider, purpose: row.purpose, amountMinor: row.amountMinor, currency: row.currency, status: row.status, createdAt: row.at, updatedAt: row.at })
    .run()
  return (await findCardPayment(row.id)) as CardPayment
}

export async function findCardPayment(id: string): Promise<CardPayment | undefined> {
  return getDb().select().from(cardPayments).where(eq(cardPayments.id, id)).get()
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
export function markCardPaymentSucceeded(input: { id: string; last4: string; ledgerTransactionId: string | null; at: Date }): boolean {
  return (
    getDb()
      .update(cardPayments)
      .set({ status: 'succeeded', cardLast4: input.last4, failureReason: null, ledgerTransactionId: input.ledgerTransactionId, updatedAt: input.at })
      .where(and(eq(cardPayments.id, input.id), eq(cardPayments.status, 'pending')))
      .run().changes > 0
  )
}

export function linkCardPaymentToLedger(id: string, ledgerTransactionId: string): void {
  getDb().update(cardPayments).set({ ledgerTransactionId }).where(eq(cardPayments.id, id)).run()
}
