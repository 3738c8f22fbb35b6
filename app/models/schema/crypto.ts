import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { at, optionalRef, ref, statusColumn, textId, writtenTimes } from './columns'
import { optionalUserRef, userRef } from './accounts'
import { contracts, milestones } from './contracts'
import { ledgerTransactions } from './ledger'
import type { CryptoAsset, CryptoNetwork } from '../../domain/crypto-networks'
import { CRYPTO_PAYMENT_STATUSES, CRYPTO_RECEIPT_REASONS } from '../../domain/enums'

const CRYPTO_ASSETS = ['BTC', 'ETH', 'USDT', 'USDC', 'BNB', 'SOL', 'POL'] as const satisfies readonly CryptoAsset[]
const CRYPTO_NETWORKS = ['bitcoin', 'ethereum', 'bsc', 'polygon', 'solana'] as const satisfies readonly CryptoNetwork[]
const CONFIRMED_VIA = ['webhook', 'admin'] as const

/**
 * A request to fund a milestone with crypto: the fiat amount, the crypto amount at a rate locked for
 * 30 minutes, and where to send it. Crypto amounts are decimal text of the smallest unit (they
 * overflow 2^53 for 18-decimal tokens); the ledger only ever sees the fiat amount.
 */
export const cryptoPaymentRequests = sqliteTable(
  'crypto_payment_requests',
  {
    id: textId(),
    /** The payer: the contract's client. */
    userId: userRef('user_id'),
    contractId: ref('contract_id', () => contracts.id),
    milestoneId: ref('milestone_id', () => milestones.id),
    fiatAmountMinor: integer('fiat_amount_minor').notNull(),
    fiatCurrency: text('fiat_currency').notNull(),
    asset: text('asset', { enum: CRYPTO_ASSETS }).notNull(),
    network: text('network', { enum: CRYPTO_NETWORKS }).notNull(),
    /** Smallest units of the asset on its network, as decimal text. */
    cryptoAmount: text('crypto_amount').notNull(),
    cryptoDecimals: integer('crypto_decimals').notNull(),
    /** Units of the asset per one unit of the fiat currency, as the rate provider gave it. */
    rate: text('rate').notNull(),
    rateSource: text('rate_source').notNull(),
    rateAsOf: at('rate_as_of').notNull(),
    receiveAddress: text('receive_address').notNull(),
    /** True when the address is one of the shipped sandbox (burn) addresses, not a configured one. */
    sandbox: integer('sandbox', { mode: 'boolean' }).notNull(),
    uri: text('uri').notNull(),
    status: statusColumn(CRYPTO_PAYMENT_STATUSES).default('pending'),
    expiresAt: at('expires_at').notNull(),
    confirmedAt: at('confirmed_at'),
    /** The on-chain transaction (or, in the sandbox, the reference an admin typed). */
    txHash: text('tx_hash'),
    confirmedVia: text('confirmed_via', { enum: CONFIRMED_VIA }),
    confirmedBy: optionalUserRef('confirmed_by'),
    /** False when the milestone had been funded another way and the money went to the payer's wallet. */
    fundedMilestone: integer('funded_milestone', { mode: 'boolean' }),
    ledgerTransactionId: optionalRef('ledger_transaction_id', () => ledgerTransactions.id),
    ...writtenTimes(),
  },
  (t) => [
    index('crypto_payment_requests_user_idx').on(t.userId, t.createdAt),
    index('crypto_payment_requests_milestone_idx').on(t.milestoneId),
    uniqueIndex('crypto_payment_requests_tx_unique').on(t.txHash),
  ],
)

/**
 * Crypto that arrived but could not fund its request (too late, too little, another coin, or a second
 * payment of a paid request). Kept for an admin to send back, so no payment is ever lost.
 */
export const cryptoReceipts = sqliteTable(
  'crypto_receipts',
  {
    id: textId(),
    requestId: ref('request_id', () => cryptoPaymentRequests.id),
    txHash: text('tx_hash').notNull(),
    asset: text('asset').notNull(),
    /** Smallest units received, as decimal text. */
    amount: text('amount').notNull(),
    reason: text('reason', { enum: CRYPTO_RECEIPT_REASONS }).notNull(),
    source: text('source', { enum: CONFIRMED_VIA }).notNull(),
    refundedAt: at('refunded_at'),
    refundedBy: optionalUserRef('refunded_by'),
    refundReference: text('refund_reference'),
    ...writtenTimes(),
  },
  (t) => [
    uniqueIndex('crypto_receipts_tx_reason_unique').on(t.txHash, t.reason),
    index('crypto_receipts_request_idx').on(t.requestId),
  ],
)
