import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { timestamps, users } from './accounts'
import { uploads } from './files'
import { projects } from './marketplace'
import {
  BUDGET_TYPES,
  CONTRACT_STATUSES,
  CONTRACT_TYPES,
  DISPUTE_DECISIONS,
  DISPUTE_STATUSES,
  INVOICE_CHARGE_SOURCES,
  INVOICE_STATUSES,
  MILESTONE_STATUSES,
  PROPOSAL_STATUSES,
} from '../../domain/enums'

export const proposals = sqliteTable(
  'proposals',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    freelancerId: text('freelancer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    coverLetter: text('cover_letter').notNull(),
    bidType: text('bid_type', { enum: BUDGET_TYPES }).notNull(),
    /** The fixed price, or the hourly rate, in minor units of `currency`. */
    bidAmountMinor: integer('bid_amount_minor').notNull(),
    currency: text('currency').notNull(),
    durationDays: integer('duration_days').notNull(),
    status: text('status', { enum: PROPOSAL_STATUSES }).notNull().default('submitted'),
    shortlistedAt: integer('shortlisted_at', { mode: 'timestamp_ms' }),
    /** When the client first opened it; the freelancer sees this. */
    viewedAt: integer('viewed_at', { mode: 'timestamp_ms' }),
    declineReason: text('decline_reason'),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    /** Goes up with every edit of the terms; accepting names the revision the client read. */
    revision: integer('revision').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('proposals_project_freelancer_unique').on(t.projectId, t.freelancerId),
    index('proposals_freelancer_idx').on(t.freelancerId, t.createdAt),
    index('proposals_project_idx').on(t.projectId, t.status),
    // Analytics counts who was active in a window (today live, the rollups by day).
    index('proposals_created_idx').on(t.createdAt, t.freelancerId),
  ],
)

/** The milestones a freelancer proposes with a fixed-price bid; they become the contract's. */
export const proposalMilestones = sqliteTable(
  'proposal_milestones',
  {
    id: text('id').primaryKey(),
    proposalId: text('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    dueDate: integer('due_date', { mode: 'timestamp_ms' }),
  },
  (t) => [index('proposal_milestones_proposal_idx').on(t.proposalId, t.position)],
)

export const contracts = sqliteTable(
  'contracts',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    proposalId: text('proposal_id')
      .notNull()
      .unique()
      .references(() => proposals.id),
    clientId: text('client_id')
      .notNull()
      .references(() => users.id),
    freelancerId: text('freelancer_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    type: text('type', { enum: CONTRACT_TYPES }).notNull(),
    currency: text('currency').notNull(),
    /** Hourly contracts: the agreed rate and the weekly cap. */
    hourlyRateMinor: integer('hourly_rate_minor'),
    weeklyLimitHours: integer('weekly_limit_hours'),
    /** A limit the client changed: it applies from this Monday ("YYYY-MM-DD") on. */
    nextWeeklyLimitHours: integer('next_weekly_limit_hours'),
    nextWeeklyLimitFrom: text('next_weekly_limit_from'),
    /** Set when invoices kept failing to charge: no new time until the client pays. */
    hourlyPausedAt: integer('hourly_paused_at', { mode: 'timestamp_ms' }),
    hourlyPauseReason: text('hourly_pause_reason'),
    status: text('status', { enum: CONTRACT_STATUSES }).notNull().default('active'),
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
    endedBy: text('ended_by').references(() => users.id),
    endReason: text('end_reason'),
    ...timestamps,
  },
  (t) => [
    index('contracts_client_idx').on(t.clientId, t.status),
    index('contracts_freelancer_idx').on(t.freelancerId, t.status),
    // Analytics asks, for each project posted, whether it hired and whether that contract ended.
    index('contracts_project_idx').on(t.projectId, t.status),
  ],
)

export const milestones = sqliteTable(
  'milestones',
  {
    id: text('id').primaryKey(),
    contractId: text('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    dueDate: integer('due_date', { mode: 'timestamp_ms' }),
    status: text('status', { enum: MILESTONE_STATUSES }).notNull().default('pending'),
    fundedAt: integer('funded_at', { mode: 'timestamp_ms' }),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
    submissionNote: text('submission_note'),
    changesRequestedAt: integer('changes_requested_at', { mode: 'timestamp_ms' }),
    changesRequest: text('changes_request'),
    approvedAt: integer('approved_at', { mode: 'timestamp_ms' }),
    /** True when the 14-day auto-approval approved it, not the client. */
    autoApproved: integer('auto_approved', { mode: 'boolean' }).notNull().default(false),
    releasedAt: integer('released_at', { mode: 'timestamp_ms' }),
    refundedAt: integer('refunded_at', { mode: 'timestamp_ms' }),
    ...timestamps,
  },
  (t) => [
    index('milestones_contract_idx').on(t.contractId, t.position),
    index('milestones_status_idx').on(t.status, t.submittedAt),
    // Analytics counts milestones settled per day.
    index('milestones_released_idx').on(t.releasedAt),
    index('milestones_refunded_idx').on(t.refundedAt),
  ],
)

/** Everything that happened on a contract, in order: who did what (actor null = the system). */
export const contractActivity = sqliteTable(
  'contract_activity',
  {
    id: text('id').primaryKey(),
    contractId: text('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    actorId: text('actor_id').references(() => users.id),
    /** A short machine name such as "milestone.funded". */
    kind: text('kind').notNull(),
    /** What a person reads in the log. */
    detail: text('detail').notNull(),
    milestoneId: text('milestone_id'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('contract_activity_contract_idx').on(t.contractId, t.createdAt),
    // Analytics counts who was active in a window (today live, the rollups by day).
    index('contract_activity_created_idx').on(t.createdAt, t.actorId),
  ],
)

/** Hourly contracts: time logged per day with a memo, gathered into weekly invoices. */
export const timeEntries = sqliteTable(
  'time_entries',
  {
    id: text('id').primaryKey(),
    contractId: text('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    /** The day worked, "YYYY-MM-DD" (UTC). */
    workDate: text('work_date').notNull(),
    minutes: integer('minutes').notNull(),
    memo: text('memo').notNull(),
    invoiceId: text('invoice_id'),
    ...timestamps,
  },
  (t) => [index('time_entries_contract_idx').on(t.contractId, t.workDate)],
)

export const invoices = sqliteTable(
  'invoices',
  {
    id: text('id').primaryKey(),
    contractId: text('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    /** Monday of the invoiced week, "YYYY-MM-DD" (UTC). */
    weekStart: text('week_start').notNull(),
    minutes: integer('minutes').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    status: text('status', { enum: INVOICE_STATUSES }).notNull().default('pending'),
    /** The client approves or disputes before this; after it the invoice counts as approved. */
    reviewDueAt: integer('review_due_at', { mode: 'timestamp_ms' }).notNull(),
    approvedAt: integer('approved_at', { mode: 'timestamp_ms' }),
    disputedAt: integer('disputed_at', { mode: 'timestamp_ms' }),
    paidAt: integer('paid_at', { mode: 'timestamp_ms' }),
    /** What the client owes: the amount once approved, or what a dispute decision awarded. */
    payableMinor: integer('payable_minor'),
    /** Declined charges so far; the contract pauses after HOURLY_CHARGE_MAX_FAILURES. */
    chargeFailures: integer('charge_failures').notNull().default(0),
    chargeError: text('charge_error'),
    /** Who is charging it now ("charging" status), so only one caller ever talks to the card. */
    chargeClaim: text('charge_claim'),
    chargeClaimedAt: integer('charge_claimed_at', { mode: 'timestamp_ms' }),
    /** Once paid: where the money came from and how it was divided. */
    chargedFrom: text('charged_from', { enum: INVOICE_CHARGE_SOURCES }),
    feeMinor: integer('fee_minor'),
    feeTaxMinor: integer('fee_tax_minor'),
    netMinor: integer('net_minor'),
    ledgerTransactionId: text('ledger_transaction_id'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('invoices_contract_week_unique').on(t.contractId, t.weekStart),
    index('invoices_status_idx').on(t.status, t.reviewDueAt),
  ],
)

/** A disagreement over a milestone's (or an invoice's) money, decided by an admin. */
export const disputes = sqliteTable(
  'disputes',
  {
    id: text('id').primaryKey(),
    contractId: text('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    milestoneId: text('milestone_id').references(() => milestones.id),
    invoiceId: text('invoice_id').references(() => invoices.id),
    openedBy: text('opened_by')
      .notNull()
      .references(() => users.id),
    /** What was in question when the dispute opened, in minor units of the contract's currency. */
    amountMinor: integer('amount_minor').notNull(),
    reason: text('reason').notNull(),
    evidence: text('evidence').notNull().default(''),
    evidenceUploadId: text('evidence_upload_id').references(() => uploads.id),
    status: text('status', { enum: DISPUTE_STATUSES }).notNull().default('open'),
    response: text('response'),
    responseUploadId: text('response_upload_id').references(() => uploads.id),
    respondedAt: integer('responded_at', { mode: 'timestamp_ms' }),
    decision: text('decision', { enum: DISPUTE_DECISIONS }),
    /** For a split: what the freelancer receives (before the fee); the rest goes back to the client. */
    freelancerShareMinor: integer('freelancer_share_minor'),
    decisionReason: text('decision_reason'),
    decidedBy: text('decided_by').references(() => users.id),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    ...timestamps,
  },
  (t) => [index('disputes_status_idx').on(t.status, t.createdAt), index('disputes_contract_idx').on(t.contractId)],
)
