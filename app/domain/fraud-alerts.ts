import { defineMachine } from './state-machine'
import { valuesOf } from './value-labels'

/** Value sets of the fraud desk, shared by the schema, the detectors and the admin forms. */
export const FRAUD_ALERT_TYPE_LABELS = {
  card_testing: 'Card testing',
  linked_accounts: 'Linked accounts and collusion',
  review_manipulation: 'Review manipulation',
  payment_velocity: 'Payment velocity',
  account_takeover: 'Account takeover',
  fake_profiles: 'Fake profiles and bulk sign-ups',
  proposal_spam: 'Proposal spam',
  off_platform: 'Off-platform solicitation',
  dispute_abuse: 'Dispute abuse',
  /** Not a detector: members who reported a person's project, profile, proposal or messages. */
  member_reports: 'Reported by members',
}
export const FRAUD_ALERT_TYPES = valuesOf(FRAUD_ALERT_TYPE_LABELS)
export type FraudAlertType = (typeof FRAUD_ALERT_TYPES)[number]

/** One member's report as a "Reported by members" alert keeps it (its evidence data's `reports`). */
export type MemberReport = {
  /** The contact request holding the member's words. */
  requestId: string
  reporterId: string
  reporterName: string
  aboutPath: string
  /** "the project “Logo for a bakery”", "the profile of Ann Lee", "messages from Ann Lee". */
  what: string
  at: string
}

/** The reports kept on a "Reported by members" alert's evidence; none on other alerts. */
export function memberReportsOf(data: Record<string, unknown>): MemberReport[] {
  return Array.isArray(data.reports) ? (data.reports as MemberReport[]) : []
}

export const FRAUD_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const
export type FraudSeverity = (typeof FRAUD_SEVERITIES)[number]

export const FRAUD_ALERT_STATUSES = ['pending', 'investigating', 'resolved', 'false_positive'] as const
export type FraudAlertStatus = (typeof FRAUD_ALERT_STATUSES)[number]
/** Alerts still asking for an admin: they count towards a payout hold and take new evidence. */
export const OPEN_FRAUD_ALERT_STATUSES = ['pending', 'investigating'] as const satisfies readonly FraudAlertStatus[]

export const FRAUD_ALERT_STATUS_LABELS: Record<FraudAlertStatus, string> = {
  pending: 'Pending',
  investigating: 'Investigating',
  resolved: 'Resolved',
  false_positive: 'False positive',
}

/**
 * A fraud alert: raised pending by a detector, taken up by an admin (investigating), then closed as
 * resolved (it was fraud, acted on) or false_positive (it was not). Every admin step carries a note.
 * New evidence for the same key updates an open alert; a closed one stays closed.
 */
export const FRAUD_ALERT_MACHINE = defineMachine<FraudAlertStatus>()({
  initial: 'pending',
  transitions: {
    investigate: {
      by: ['admin'],
      from: ['pending'],
      to: 'investigating',
      label: 'Start investigating',
      effect: 'The admin becomes the assignee unless another is chosen; the note goes in the history.',
    },
    resolve: {
      by: ['admin'],
      from: ['pending', 'investigating'],
      to: 'resolved',
      label: 'Resolve as fraud',
      effect: 'Closed; it stops counting towards a payout hold. The note goes in the history.',
    },
    dismiss: {
      by: ['admin'],
      from: ['pending', 'investigating'],
      to: 'false_positive',
      label: 'Mark false positive',
      effect: 'Closed as not fraud; it stops counting towards a payout hold and feeds the false-positive rate.',
    },
    reopen: {
      by: ['admin'],
      from: ['resolved', 'false_positive'],
      to: 'investigating',
      label: 'Reopen',
      effect: 'Back under investigation; it counts towards a payout hold again.',
    },
  },
})

export type FraudAlertAction = keyof typeof FRAUD_ALERT_MACHINE.transitions

/** A history entry's action in words: an admin's step by its button label ("Start investigating"), others as stored. */
export function fraudHistoryActionLabel(action: string): string {
  const transitions: Record<string, { label: string } | undefined> = FRAUD_ALERT_MACHINE.transitions
  return transitions[action]?.label ?? action.replaceAll('_', ' ')
}

/** The severity a score falls in: the bands are part of what the desk shows, so they live here. */
export function severityOf(score: number): FraudSeverity {
  if (score >= 85) return 'critical'
  if (score >= 65) return 'high'
  if (score >= 40) return 'medium'
  return 'low'
}
