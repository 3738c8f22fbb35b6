import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { at, createdAt, optionalRef, ref, statusColumn, textId, timestamps } from './columns'
import { optionalUserRef, userRef } from './accounts'
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

/** What a milestone is agreed as: its place in the contract, title, amount and due date. */
const milestonePlan = () => ({
  position: integer('position').notNull(),
  title: text('title').notNull(),
  amountMinor: integer('amount_minor').notNull(),
  dueDate: at('due_date'),
})

export const proposals = sqliteTable(
  'proposals',
  {
    id: textId(),
    projectId: ref('project_id', () => projects.id, 'cascade'),
    freelancerId: userRef('freelancer_id', 'cascade'),
    coverLetter: text('cover_letter').notNull(),
    bidType: text('bid_type', { enum: BUDGET_TYPES }).notNull(),
    /** The fixed price, or the hourly rate, in minor units of `currency`. */
    bidAmountMinor: integer('bid_amount_minor').notNull(),
    currency: text('currency').notNull(),
    durationDays: integer('duration_days').notNull(),
    status: statusColumn(PROPOSAL_STATUSES).default('submitted'),
    shortlistedAt: at('shortlisted_at'),
    /** When the client first opened it; the freelancer sees this. */
    viewedAt: at('viewed_at'),
    declineReason: text('decline_reason'),
    decidedAt: at('decided_at'),
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
    id: textId(),
    proposalId: ref('proposal_id', () => proposals.id, 'cascade'),
    ...milestonePlan(),
  },
  (t) => [index('proposal_milestones_proposal_idx').on(t.proposalId, t.position)],
)

export const contracts = sqliteTable(
  'contracts',
  {
    id: textId(),
    projectId: ref('project_id', () => projects.id),
    proposalId: ref('proposal_id', () => proposals.id).unique(),
    clientId: userRef('client_id'),
    freelancerId: userRef('freelancer_id'),
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
    hourlyPausedAt: at('hourly_paused_at'),
    hourlyPauseReason: text('hourly_pause_reason'),
    status: statusColumn(CONTRACT_STATUSES).default('active'),
    endedAt: at('ended_at'),
    endedBy: optionalUserRef('ended_by'),
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

/** The first columns of a row that belongs to one contract: its id, and the contract (deleted with it). */
export const ownedByContract = () => ({ id: textId(), contractId: ref('contract_id', () => contracts.id, 'cascade') })

export const milestones = sqliteTable(
  'milestones',
  {
    ...ownedByContract(),
    ...milestonePlan(),
    status: statusColumn(MILESTONE_STATUSES).default('pending'),
    fundedAt: at('funded_at'),
    submittedAt: at('submitted_at'),
    submissionNote: text('submission_note'),
    changesRequestedAt: at('changes_requested_at'),
    changesRequest: text('changes_request'),
    approvedAt: at('approved_at'),
    /** True when the 14-day auto-approval approved it, not the client. */
    autoApproved: integer('auto_approved', { mode: 'boolean' }).notNull().default(false),
    releasedAt: at('released_at'),
    refundedAt: at('refunded_at'),
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
    ...ownedByContract(),
    actorId: optionalUserRef('actor_id'),
    /** A short machine name such as "milestone.funded". */
    kind: text('kind').notNull(),
    /** What a person reads in the log. */
    detail: text('detail').notNull(),
    milestoneId: text('milestone_id'),
    createdAt: createdAt(),
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
    ...ownedByContract(),
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
    ...ownedByContract(),
    /** Monday of the invoiced week, "YYYY-MM-DD" (UTC). */
    weekStart: text('week_start').notNull(),
    minutes: integer('minutes').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    status: statusColumn(INVOICE_STATUSES).default('pending'),
    /** The client approves or disputes before this; after it the invoice counts as approved. */
    reviewDueAt: at('review_due_at').notNull(),
    approvedAt: at('approved_at'),
    disputedAt: at('disputed_at'),
    paidAt: at('paid_at'),
    /** What the client owes: the amount once approved, or what a dispute decision awarded. */
    payableMinor: integer('payable_minor'),
    /** Declined charges so far; the contract pauses after HOURLY_CHARGE_MAX_FAILURES. */
    chargeFailures: integer('charge_failures').notNull().default(0),
    chargeError: text('charge_error'),
    /** Who is charging it now ("charging" status), so only one caller ever talks to the card. */
    chargeClaim: text('charge_claim'),
    chargeClaimedAt: at('charge_claimed_at'),
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
    ...ownedByContract(),
    milestoneId: optionalRef('milestone_id', () => milestones.id),
    invoiceId: optionalRef('invoice_id', () => invoices.id),
    openedBy: userRef('opened_by'),
    /** What was in question when the dispute opened, in minor units of the contract's currency. */
    amountMinor: integer('amount_minor').notNull(),
    reason: text('reason').notNull(),
    evidence: text('evidence').notNull().default(''),
    evidenceUploadId: optionalRef('evidence_upload_id', () => uploads.id),
    status: statusColumn(DISPUTE_STATUSES).default('open'),
    response: text('response'),
    responseUploadId: optionalRef('response_upload_id', () => uploads.id),
    respondedAt: at('responded_at'),
    decision: text('decision', { enum: DISPUTE_DECISIONS }),
    /** For a split: what the freelancer receives (before the fee); the rest goes back to the client. */
    freelancerShareMinor: integer('freelancer_share_minor'),
    decisionReason: text('decision_reason'),
    decidedBy: optionalUserRef('decided_by'),
    decidedAt: at('decided_at'),
    ...timestamps,
  },
  (t) => [
    index('disputes_status_idx').on(t.status, t.createdAt),
    index('disputes_contract_idx').on(t.contractId),
    // The fraud sweep asks, for each submitted milestone, whether its client disputed it.
    index('disputes_milestone_idx').on(t.milestoneId),
  ],
)
