import crypto from 'node:crypto'
import { and, desc, eq, gt, inArray, isNull } from 'drizzle-orm'
import { CRYPTO_PAYMENT_MACHINE } from '~/domain/crypto-payment-machine'
import { fromStates } from '~/domain/state-machine'
import { getDb } from './db.server'
import type { CryptoReceiptReason } from '../domain/enums'
import { contracts, cryptoPaymentRequests, cryptoReceipts, milestones } from './schema'
import { findRow, listRows, updateRows, userName } from './query-helpers.server'

export type CryptoPaymentRequest = typeof cryptoPaymentRequests.$inferSelect
export type NewCryptoPaymentRequest = Omit<
  typeof cryptoPaymentRequests.$inferInsert,
  | 'id'
  | 'status'
  | 'confirmedAt'
  | 'txHash'
  | 'confirmedVia'
  | 'confirmedBy'
  | 'fundedMilestone'
  | 'ledgerTransactionId'
  | 'updatedAt'
>
export type CryptoReceipt = typeof cryptoReceipts.$inferSelect

export async function insertCryptoPaymentRequest(row: NewCryptoPaymentRequest): Promise<CryptoPaymentRequest> {
  const id = crypto.randomUUID()
  getDb()
    .insert(cryptoPaymentRequests)
    .values({ ...row, id, status: 'pending', updatedAt: row.createdAt })
    .run()
  return (await findCryptoPaymentRequest(id)) as CryptoPaymentRequest
}

export async function findCryptoPaymentRequest(id: string): Promise<CryptoPaymentRequest | undefined> {
  return findRow(cryptoPaymentRequests, eq(cryptoPaymentRequests.id, id))
}

/** The payer's still-open request for the same milestone and coin, so a repeated form reuses it. */
export async function findOpenCryptoPaymentRequest(input: {
  userId: string
  milestoneId: string
  asset: CryptoPaymentRequest['asset']
  network: CryptoPaymentRequest['network']
  now: Date
}): Promise<CryptoPaymentRequest | undefined> {
  const t = cryptoPaymentRequests
  return findRow(
    t,
    and(
      eq(t.userId, input.userId),
      eq(t.milestoneId, input.milestoneId),
      eq(t.asset, input.asset),
      eq(t.network, input.network),
      inArray(t.status, fromStates(CRYPTO_PAYMENT_MACHINE, 'confirm')),
      gt(t.expiresAt, input.now),
    ),
    desc(t.createdAt),
  )
}

export async function findCryptoPaymentRequestByTxHash(txHash: string): Promise<CryptoPaymentRequest | undefined> {
  return findRow(cryptoPaymentRequests, eq(cryptoPaymentRequests.txHash, txHash))
}

/** Pending → confirmed, once. Synchronous so it joins the caller's transaction. */
export function markCryptoPaymentConfirmed(input: {
  id: string
  txHash: string
  via: 'webhook' | 'admin'
  by: string | null
  at: Date
}): boolean {
  const confirmable = fromStates(CRYPTO_PAYMENT_MACHINE, input.via === 'admin' ? 'confirm_by_admin' : 'confirm')
  return updateRows(
    cryptoPaymentRequests,
    {
      status: 'confirmed',
      txHash: input.txHash,
      confirmedVia: input.via,
      confirmedBy: input.by,
      confirmedAt: input.at,
      updatedAt: input.at,
    },
    and(eq(cryptoPaymentRequests.id, input.id), inArray(cryptoPaymentRequests.status, confirmable)),
  )
}

export function linkCryptoPaymentToLedger(id: string, ledgerTransactionId: string, fundedMilestone: boolean): void {
  getDb()
    .update(cryptoPaymentRequests)
    .set({ ledgerTransactionId, fundedMilestone })
    .where(eq(cryptoPaymentRequests.id, id))
    .run()
}

/** Pending → expired once its rate lock has ended. */
export async function markCryptoPaymentExpired(id: string, at: Date): Promise<void> {
  const expirable = fromStates(CRYPTO_PAYMENT_MACHINE, 'expire')
  getDb()
    .update(cryptoPaymentRequests)
    .set({ status: 'expired', updatedAt: at })
    .where(and(eq(cryptoPaymentRequests.id, id), inArray(cryptoPaymentRequests.status, expirable)))
    .run()
}

/** Records crypto that could not fund its request; a repeat of the same transaction records nothing. */
export async function recordCryptoReceipt(input: {
  requestId: string
  txHash: string
  asset: string
  amount: string
  reason: CryptoReceiptReason
  source: 'webhook' | 'admin'
  at: Date
}): Promise<boolean> {
  const { at, ...row } = input
  return (
    getDb()
      .insert(cryptoReceipts)
      .values({ ...row, id: crypto.randomUUID(), createdAt: at, updatedAt: at })
      .onConflictDoNothing({ target: [cryptoReceipts.txHash, cryptoReceipts.reason] })
      .run().changes > 0
  )
}

export async function listCryptoPaymentRequestsForAdmin(limit = 100) {
  const t = cryptoPaymentRequests
  return getDb()
    .select({
      request: t,
      payerName: userName(t.userId),
      contractTitle: contracts.title,
      milestoneTitle: milestones.title,
    })
    .from(t)
    .innerJoin(contracts, eq(contracts.id, t.contractId))
    .innerJoin(milestones, eq(milestones.id, t.milestoneId))
    .orderBy(desc(t.createdAt))
    .limit(limit)
    .all()
}

/** Crypto received that could not fund anything, oldest first, with its payer. */
export async function listCryptoReceiptsToRefund() {
  return getDb()
    .select({
      receipt: cryptoReceipts,
      payerName: userName(cryptoPaymentRequests.userId),
      network: cryptoPaymentRequests.network,
    })
    .from(cryptoReceipts)
    .innerJoin(cryptoPaymentRequests, eq(cryptoPaymentRequests.id, cryptoReceipts.requestId))
    .where(isNull(cryptoReceipts.refundedAt))
    .orderBy(cryptoReceipts.createdAt)
    .all()
}

export async function listCryptoReceiptsOf(requestId: string): Promise<CryptoReceipt[]> {
  return listRows(cryptoReceipts, eq(cryptoReceipts.requestId, requestId), cryptoReceipts.createdAt)
}

export async function markCryptoReceiptRefunded(input: {
  id: string
  adminId: string
  reference: string
  at: Date
}): Promise<boolean> {
  return updateRows(
    cryptoReceipts,
    { refundedAt: input.at, refundedBy: input.adminId, refundReference: input.reference, updatedAt: input.at },
    and(eq(cryptoReceipts.id, input.id), isNull(cryptoReceipts.refundedAt)),
  )
}
