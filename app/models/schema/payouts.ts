import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { at, createdAt, optionalRef, ref, serialId, statusColumn, timestamps } from './columns'
import { optionalUserRef, ownedByUser } from './accounts'
import { ledgerTransactions } from './ledger'
import { PAYOUT_METHOD_STATUSES, PAYOUT_RAILS, PAYOUT_SPEEDS, PAYOUT_STATUSES } from '../../domain/enums'

/**
 * Where a freelancer's money can go: a bank account (a Stripe Connect Express account, or a
 * sandbox record when Stripe is not configured) or a crypto wallet address. Removing one keeps the
 * row (status "removed") so past payouts still say where they went.
 */
export const payoutMethods = sqliteTable(
  'payout_methods',
  {
    ...ownedByUser(),
    rail: text('rail', { enum: PAYOUT_RAILS }).notNull(),
    /** "pending" while Stripe onboarding is unfinished; only "active" methods can be paid out to. */
    status: statusColumn(PAYOUT_METHOD_STATUSES),
    /** "stripe" or "sandbox" for banks; "sandbox" for crypto (no crypto sending provider yet). */
    provider: text('provider', { enum: ['stripe', 'sandbox'] }).notNull(),
    /** Bank: the Stripe connected account (acct_…). */
    stripeAccountId: text('stripe_account_id'),
    holderName: text('holder_name'),
    country: text('country'),
    /** Bank: the last four characters of the IBAN or account number; the rest is never stored. */
    accountLast4: text('account_last4'),
    /** Bank: whether instant payouts can reach this account. */
    instantAvailable: integer('instant_available', { mode: 'boolean' }).notNull().default(false),
    /** Crypto: asset (e.g. USDC), network (e.g. ethereum) and the checksummed address. */
    asset: text('asset'),
    network: text('network'),
    address: text('address'),
    removedAt: at('removed_at'),
    ...timestamps,
  },
  (t) => [
    index('payout_methods_user_idx').on(t.userId, t.status),
    uniqueIndex('payout_methods_stripe_account_unique').on(t.stripeAccountId),
  ],
)

/**
 * One payout request. The wallet is debited when it is requested (ledgerTransactionId); a failed or
 * cancelled payout is credited back once (reversalTransactionId). Amounts are minor units of
 * `currency`, the wallet's currency; the fee is included in amountMinor.
 */
export const payouts = sqliteTable(
  'payouts',
  {
    ...ownedByUser(),
    methodId: ref('method_id', () => payoutMethods.id),
    /** From the form, so a double submit pays out once (unique per user). */
    idempotencyKey: text('idempotency_key').notNull(),
    rail: text('rail', { enum: PAYOUT_RAILS }).notNull(),
    speed: text('speed', { enum: PAYOUT_SPEEDS }).notNull(),
    status: statusColumn(PAYOUT_STATUSES),
    amountMinor: integer('amount_minor').notNull(),
    feeMinor: integer('fee_minor').notNull(),
    currency: text('currency').notNull(),
    /** What the destination was at request time, e.g. "USDC on Ethereum to 0xAb…1234". */
    destination: text('destination').notNull(),
    /** Crypto: what arrives in the asset (decimal string of its smallest unit) at the rate when requested. */
    cryptoAsset: text('crypto_asset'),
    cryptoAmount: text('crypto_amount'),
    /** How many of the asset one unit of `currency` bought, and when that rate was taken. */
    cryptoRate: text('crypto_rate'),
    rateAsOf: at('rate_as_of'),
    /** True when no real money left (the sandbox marked it sent). */
    sandbox: integer('sandbox', { mode: 'boolean' }).notNull(),
    /** The provider's reference once sent: a Stripe transfer id (tr_…) or a sandbox reference. */
    providerRef: text('provider_ref'),
    /** The latest admin or system reason (hold, release, cancel, failure), shown to the freelancer. */
    statusReason: text('status_reason'),
    expectedBy: at('expected_by').notNull(),
    /** Set when sending starts, so a cancel or hold cannot race a transfer already on its way. */
    sendingAt: at('sending_at'),
    sentAt: at('sent_at'),
    ledgerTransactionId: optionalRef('ledger_transaction_id', () => ledgerTransactions.id),
    reversalTransactionId: optionalRef('reversal_transaction_id', () => ledgerTransactions.id),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('payouts_idempotency_unique').on(t.userId, t.idempotencyKey),
    index('payouts_user_idx').on(t.userId, t.createdAt),
    index('payouts_status_idx').on(t.status, t.createdAt),
  ],
)

/** Every status change of a payout, with who made it and why (admins must give a reason). */
export const payoutEvents = sqliteTable(
  'payout_events',
  {
    id: serialId(),
    payoutId: ref('payout_id', () => payouts.id, 'cascade'),
    /** Null when the system made the change (the sending job, a provider failure). */
    actorId: optionalUserRef('actor_id'),
    fromStatus: text('from_status', { enum: PAYOUT_STATUSES }),
    toStatus: text('to_status', { enum: PAYOUT_STATUSES }).notNull(),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [index('payout_events_payout_idx').on(t.payoutId, t.createdAt)],
)
