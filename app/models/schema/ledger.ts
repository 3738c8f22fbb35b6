import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { amountInCurrency, createdAt, optionalRef, ref, serialId, statusColumn, textId, writtenTimes } from './columns'
import { userRef } from './accounts'
import { LEDGER_ACCOUNT_KINDS, PAYMENT_STATUSES } from '../../domain/enums'

/**
 * Double-entry ledger. An account belongs to an owner (a user's wallet, a contract's escrow, or the
 * platform for revenue/tax/clearing, owner "platform") in one currency. Balances are never stored:
 * they are the sum of the account's entries.
 */
export const ledgerAccounts = sqliteTable(
  'ledger_accounts',
  {
    id: textId(),
    kind: text('kind', { enum: LEDGER_ACCOUNT_KINDS }).notNull(),
    ownerId: text('owner_id').notNull(),
    currency: text('currency').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('ledger_accounts_unique').on(t.kind, t.ownerId, t.currency)],
)

/** One money movement. Its entries sum to zero per currency. The idempotency key makes a repeat a no-op. */
export const ledgerTransactions = sqliteTable(
  'ledger_transactions',
  {
    id: textId(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    /** e.g. "escrow.fund", "escrow.release", "escrow.refund", "escrow.split", "payout". */
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    contractId: text('contract_id'),
    milestoneId: text('milestone_id'),
    createdAt: createdAt(),
  },
  // Analytics reads transactions by day.
  (t) => [index('ledger_transactions_created_idx').on(t.createdAt)],
)

export const ledgerEntries = sqliteTable(
  'ledger_entries',
  {
    id: serialId(),
    transactionId: ref('transaction_id', () => ledgerTransactions.id),
    accountId: ref('account_id', () => ledgerAccounts.id),
    /** The amount is signed: positive adds to the account, negative takes from it. */
    ...amountInCurrency(),
  },
  (t) => [
    index('ledger_entries_account_idx').on(t.accountId),
    index('ledger_entries_transaction_idx').on(t.transactionId),
  ],
)

/** A card payment through a provider (Stripe, or the built-in sandbox). */
export const cardPayments = sqliteTable(
  'card_payments',
  {
    id: textId(),
    userId: userRef('user_id'),
    provider: text('provider', { enum: ['sandbox', 'stripe'] }).notNull(),
    /** The provider's id for the checkout session. */
    providerRef: text('provider_ref'),
    /** What the money is for, e.g. "milestone:<id>". */
    purpose: text('purpose').notNull(),
    ...amountInCurrency(),
    status: statusColumn(PAYMENT_STATUSES).default('pending'),
    cardLast4: text('card_last4'),
    failureReason: text('failure_reason'),
    ledgerTransactionId: optionalRef('ledger_transaction_id', () => ledgerTransactions.id),
    ...writtenTimes(),
  },
  (t) => [
    index('card_payments_user_idx').on(t.userId, t.createdAt),
    uniqueIndex('card_payments_provider_ref_unique').on(t.providerRef),
  ],
)
