import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { users } from './accounts'
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
    id: text('id').primaryKey(),
    /** The payer: the contract's client. */
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    contractId: text('contract_id')
      .notNull()
      .references(() => contracts.id),
    milestoneId: text('milestone_id')
      .notNull()
      .references(() => milestones.id),
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
    rateAsOf: integer('rate_as_of', { mode: 'timestamp_ms' }).notNull(),
    receiveAddress: text('receive_address').notNull(),
    /** True when the address is one of the shipped sandbox (burn) addresses, not a configured one. */
    sandbox: integer('sandbox', { mode: 'boolean' }).notNull(),
    uri: text('uri').notNull(),
    status: text('status', { enum: CRYPTO_PAYMENT_STATUSES }).notNull().default('pending'),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    confirmedAt: integer('confirmed_at', { mode: 'timestamp_ms' }),
    /** The on-chain transaction (or, in the sandbox, the reference an admin typed). */
    txHash: text('tx_hash'),
    confirmedVia: text('confirmed_via', { enum: CONFIRMED_VIA }),
    confirmedBy: text('confirmed_by').references(() => users.id),
    /** False when the milestone had been funded another way and the money went to the payer's wallet. */
    fundedMilestone: integer('funded_milestone', { mode: 'boolean' }),
    ledgerTransactionId: text('ledger_transaction_id').references(() => ledgerTransactions.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
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
    id: text('id').primaryKey(),
    requestId: text('request_id')
      .notNull()
      .references(() => cryptoPaymentRequests.id),
    txHash: text('tx_hash').notNull(),
    asset: text('asset').notNull(),
    /** Smallest units received, as decimal text. */
    amount: text('amount').notNull(),
    reason: text('reason', { enum: CRYPTO_RECEIPT_REASONS }).notNull(),
    source: text('source', { enum: CONFIRMED_VIA }).notNull(),
    refundedAt: integer('refunded_at', { mode: 'timestamp_ms' }),
    refundedBy: text('refunded_by').references(() => users.id),
    refundReference: text('refund_reference'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('crypto_receipts_tx_reason_unique').on(t.txHash, t.reason),
    index('crypto_receipts_request_idx').on(t.requestId),
  ],
)
