/** Value sets shared by the database schema and the forms (no database code, so safe in the browser). */
export const ROLES = ['client', 'freelancer', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const EXPERIENCE_LEVELS = ['entry', 'intermediate', 'expert'] as const
export type ExperienceLevel = (typeof EXPERIENCE_LEVELS)[number]

export const AVAILABILITIES = ['full_time', 'part_time', 'not_available'] as const
export type Availability = (typeof AVAILABILITIES)[number]

/** What a saved search looks for: open projects (freelancers) or freelancers (clients). */
export const SAVED_SEARCH_KINDS = ['projects', 'freelancers'] as const
export type SavedSearchKind = (typeof SAVED_SEARCH_KINDS)[number]

export const PROJECT_STATUSES = ['open', 'closed'] as const
export type ProjectStatus = (typeof PROJECT_STATUSES)[number]
/** Why a project was closed: with a hire, or without (then every applicant is told). */
export const PROJECT_CLOSE_REASONS = ['hired', 'no_hire'] as const
export const PROJECT_VISIBILITIES = ['public', 'invite_only'] as const
export type ProjectVisibility = (typeof PROJECT_VISIBILITIES)[number]
export const BUDGET_TYPES = ['fixed', 'hourly'] as const
export type BudgetType = (typeof BUDGET_TYPES)[number]

export const INVITATION_STATUSES = ['pending', 'accepted', 'declined'] as const

/** submitted → (declined | withdrawn | accepted | not_hired when the project closes without a hire). */
export const PROPOSAL_STATUSES = ['submitted', 'declined', 'withdrawn', 'accepted', 'not_hired'] as const
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number]

export const CONTRACT_TYPES = ['fixed', 'hourly'] as const
export const CONTRACT_STATUSES = ['active', 'ended'] as const
export type ContractStatus = (typeof CONTRACT_STATUSES)[number]

/**
 * pending → funded → submitted → (changes_requested → submitted)* → approved → released;
 * refunded when the money goes back to the client (cancellation or a dispute decision).
 */
export const MILESTONE_STATUSES = [
  'pending',
  'funded',
  'submitted',
  'changes_requested',
  'approved',
  'released',
  'refunded',
] as const
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number]

/** Transitions are declared in services/marketplace/invoice-rules.ts. */
export const INVOICE_STATUSES = [
  'pending',
  'approved',
  'disputed',
  'charging',
  'payment_failed',
  'paid',
  'void',
] as const
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number]

export const DISPUTE_STATUSES = ['open', 'responded', 'decided'] as const
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number]
export const DISPUTE_DECISIONS = ['release', 'refund', 'split'] as const
export type DisputeDecision = (typeof DISPUTE_DECISIONS)[number]

export const CONVERSATION_KINDS = ['proposal', 'contract'] as const
export type ConversationKind = (typeof CONVERSATION_KINDS)[number]

export const REVIEW_DIRECTIONS = ['client_to_freelancer', 'freelancer_to_client'] as const
export type ReviewDirection = (typeof REVIEW_DIRECTIONS)[number]

export const UPLOAD_PURPOSES = ['portfolio', 'message', 'dispute'] as const
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number]

export const CONTACT_STATUSES = ['open', 'answered'] as const

export const RECORDING_MODES = ['video', 'audio'] as const
export type RecordingMode = (typeof RECORDING_MODES)[number]
export const RECORDING_STATUSES = ['recording', 'complete'] as const
export type RecordingStatus = (typeof RECORDING_STATUSES)[number]

/** How a meeting repeats: an RRULE FREQ=WEEKLY with INTERVAL 1 or 2. */
export const MEETING_RECURRENCES = ['none', 'weekly', 'biweekly'] as const
export type MeetingRecurrence = (typeof MEETING_RECURRENCES)[number]
export const MEETING_STATUSES = ['scheduled', 'cancelled'] as const
export type MeetingStatus = (typeof MEETING_STATUSES)[number]

/**
 * Kinds of in-app notification. Each can also go by email, per the user's preferences.
 * Adding a kind here is all it takes for it to appear in the preferences page.
 */
export const NOTIFICATION_KINDS = [
  'project_invitation',
  'saved_search_match',
  'proposal_received',
  'proposal_update',
  'contract_update',
  'milestone_update',
  'dispute_update',
  'message_received',
  'review_received',
  'review_reminder',
  'account',
  'payout_update',
  'meeting_update',
  'meeting_reminder',
  'call_invitation',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

export const LEDGER_ACCOUNT_KINDS = [
  'wallet',
  'escrow',
  'platform_revenue',
  'tax_payable',
  'clearing_card',
  'clearing_crypto',
  'clearing_bank',
] as const
export type LedgerAccountKind = (typeof LEDGER_ACCOUNT_KINDS)[number]

/** The owner id of the platform's own ledger accounts (revenue, tax, clearing). */
export const PLATFORM_OWNER = 'platform'

/** What a ledger transaction records; every posting names its kind from here. */
export const LEDGER_TRANSACTION = {
  walletDeposit: 'wallet.deposit',
  escrowFund: 'escrow.fund',
  escrowRelease: 'escrow.release',
  escrowRefund: 'escrow.refund',
  /** An admin's dispute decision: release, refund or split. */
  escrowDispute: 'escrow.dispute',
  hourlyCharge: 'hourly.charge',
  payout: 'payout',
  payoutReversed: 'payout.reversed',
} as const
export type LedgerTransactionKind = (typeof LEDGER_TRANSACTION)[keyof typeof LEDGER_TRANSACTION]

/** Where an hourly invoice's money came from. */
export const INVOICE_CHARGE_SOURCES = ['wallet', 'card'] as const
export type InvoiceChargeSource = (typeof INVOICE_CHARGE_SOURCES)[number]

export const PAYMENT_STATUSES = ['pending', 'succeeded', 'failed'] as const

/** A crypto payment request: pending until paid or its 30-minute rate lock ends. */
export const CRYPTO_PAYMENT_STATUSES = ['pending', 'confirmed', 'expired'] as const
export type CryptoPaymentStatus = (typeof CRYPTO_PAYMENT_STATUSES)[number]
/** Why a received crypto payment could not fund its request and waits for an admin to refund it. */
export const CRYPTO_RECEIPT_REASONS = ['expired', 'underpaid', 'overpaid', 'wrong_asset', 'already_confirmed'] as const
export type CryptoReceiptReason = (typeof CRYPTO_RECEIPT_REASONS)[number]
/** Payouts (issue 5): where a freelancer's money goes out, how fast, and its state machine. */
export const PAYOUT_RAILS = ['bank', 'crypto'] as const
export type PayoutRailKind = (typeof PAYOUT_RAILS)[number]
export const PAYOUT_METHOD_STATUSES = ['pending', 'active', 'removed'] as const
export const PAYOUT_SPEEDS = ['standard', 'instant'] as const
export type PayoutSpeed = (typeof PAYOUT_SPEEDS)[number]
/** requested → held → sent / failed / cancelled (also requested → sent / failed / cancelled). */
export const PAYOUT_STATUSES = ['requested', 'held', 'sent', 'failed', 'cancelled'] as const
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number]
