import type { InvoiceStatus } from '~/models/enums'
import { MINUTE_MS } from '~/utils/durations'

/** Who takes an invoice transition: a side of the contract, an admin, or the platform on its own (jobs). */
export type InvoiceActor = 'client' | 'freelancer' | 'admin' | 'platform'

type Transition = { by: InvoiceActor; from: readonly InvoiceStatus[]; to: InvoiceStatus; label: string }

/**
 * The weekly invoice's state machine, in one place:
 *
 *   pending ─approve / auto_approve─▶ approved ─start_charge─▶ charging ─charge─▶ paid
 *      │                                 ▲                      ▲   │
 *      └─dispute─▶ disputed ─decide_payable                     │   └─charge_declined─▶ payment_failed
 *                     └─decide_nothing─▶ void                   └── start_charge (job) / pay_now ──┘
 *
 * "charging" is a claim: only the caller that moved the invoice there talks to the card or the
 * wallet, so concurrent approvals and job runs charge once. Paying moves the money in one ledger
 * transaction; a declined charge leaves the invoice "payment_failed" and the charge job (or the
 * client's "Pay now") tries again. A claim older than CHARGE_CLAIM_TIMEOUT_MS (a crash mid-charge)
 * may be taken again; the card provider's idempotency key stops a second charge.
 */
export const INVOICE_TRANSITIONS = {
  approve: { by: 'client', from: ['pending'], to: 'approved', label: 'Approve' },
  dispute: { by: 'client', from: ['pending'], to: 'disputed', label: 'Dispute' },
  auto_approve: { by: 'platform', from: ['pending'], to: 'approved', label: 'Approve when the 5-day review ends' },
  decide_payable: { by: 'admin', from: ['disputed'], to: 'approved', label: 'Decide that all or part is owed' },
  decide_nothing: { by: 'admin', from: ['disputed'], to: 'void', label: 'Decide that nothing is owed' },
  start_charge: { by: 'platform', from: ['approved', 'payment_failed'], to: 'charging', label: 'Charge the client' },
  pay_now: { by: 'client', from: ['payment_failed'], to: 'charging', label: 'Pay now' },
  charge: { by: 'platform', from: ['charging'], to: 'paid', label: 'Record the payment' },
  charge_declined: { by: 'platform', from: ['charging'], to: 'payment_failed', label: 'Record a declined charge' },
} as const satisfies Record<string, Transition>

export type InvoiceAction = keyof typeof INVOICE_TRANSITIONS

/** A charge that has not finished in this long was interrupted (a crash) and may be taken again. */
export const CHARGE_CLAIM_TIMEOUT_MS = 10 * MINUTE_MS

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  pending: 'Waiting for the client',
  approved: 'Approved — to be charged',
  disputed: 'Disputed',
  charging: 'Being charged',
  payment_failed: 'Payment failed',
  paid: 'Paid',
  void: 'Not owed (dispute decision)',
}

export function canTakeInvoiceAction(action: InvoiceAction, status: InvoiceStatus, actor: InvoiceActor): boolean {
  const transition: Transition = INVOICE_TRANSITIONS[action]
  return transition.by === actor && transition.from.includes(status)
}

/** Null when allowed; otherwise the sentence for a 409 saying why not and what is possible. */
export function checkInvoiceAction(action: InvoiceAction, status: InvoiceStatus, actor: InvoiceActor): string | null {
  if (canTakeInvoiceAction(action, status, actor)) return null
  const possible = (Object.keys(INVOICE_TRANSITIONS) as InvoiceAction[]).filter((name) =>
    canTakeInvoiceAction(name, status, actor),
  )
  const instead = possible.length
    ? `You can: ${possible.map((name) => INVOICE_TRANSITIONS[name].label.toLowerCase()).join(', ')}.`
    : 'Nothing can be done to it by you now.'
  return `You cannot ${INVOICE_TRANSITIONS[action].label.toLowerCase()} this invoice: it is “${INVOICE_STATUS_LABELS[status].toLowerCase()}”. ${instead}`
}

/** The statuses an action moves an invoice out of (for the conditional update in the database). */
export function fromStatuses(action: InvoiceAction): InvoiceStatus[] {
  return [...INVOICE_TRANSITIONS[action].from]
}
