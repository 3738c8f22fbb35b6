import type { InvoiceStatus } from '~/domain/enums'
import { defineMachine } from './state-machine'

/**
 * The weekly invoice of an hourly contract:
 *
 *   pending ─approve / auto_approve─▶ approved ─start_charge─▶ charging ─charge─▶ paid
 *      │                                 ▲                      ▲   │
 *      └─dispute─▶ disputed ─decide_payable                     │   └─charge_declined─▶ payment_failed
 *                     └─decide_nothing─▶ void                   └── start_charge (job) / pay_now ──┘
 *
 * "charging" is a claim: only the caller that moved the invoice there talks to the card or the
 * wallet, so concurrent approvals and job runs charge once. A claim older than the charge time-out
 * (a crash mid-charge) may be taken again (reclaim_charge); the card provider's idempotency key
 * stops a second charge.
 */
export const INVOICE_MACHINE = defineMachine<InvoiceStatus>()({
  initial: 'pending',
  transitions: {
    approve: {
      by: ['client'],
      from: ['pending'],
      to: 'approved',
      label: 'Approve',
      effect: 'The whole amount becomes payable and is charged right away.',
    },
    dispute: {
      by: ['client'],
      from: ['pending'],
      to: 'disputed',
      label: 'Dispute',
      effect: 'A dispute opens for an admin to decide; nothing is charged meanwhile.',
    },
    auto_approve: {
      by: ['platform'],
      from: ['pending'],
      to: 'approved',
      label: 'Approve when the 5-day review ends',
      effect: 'The job approves it as the client would, then charges it.',
    },
    decide_payable: {
      by: ['admin'],
      from: ['disputed'],
      to: 'approved',
      label: 'Decide that all or part is owed',
      effect: 'What is owed becomes payable, in the decision’s transaction, and is charged right after.',
    },
    decide_nothing: {
      by: ['admin'],
      from: ['disputed'],
      to: 'void',
      label: 'Decide that nothing is owed',
      effect: 'Nothing is payable.',
    },
    start_charge: {
      by: ['platform'],
      from: ['approved', 'payment_failed'],
      to: 'charging',
      label: 'Charge the client',
      effect: 'Claims the invoice so only this caller charges the saved card or the wallet.',
    },
    reclaim_charge: {
      by: ['platform'],
      from: ['charging'],
      to: 'charging',
      label: 'Take over an interrupted charge',
      effect: 'Only a claim older than the charge time-out; the provider’s idempotency key keeps it one charge.',
    },
    pay_now: {
      by: ['client'],
      from: ['payment_failed'],
      to: 'charging',
      label: 'Pay now',
      effect: 'Claims the invoice and charges it at once.',
    },
    charge: {
      by: ['platform'],
      from: ['charging'],
      to: 'paid',
      label: 'Record the payment',
      effect: 'One ledger transaction pays the freelancer less the fee; a contract paused for unpaid invoices resumes.',
    },
    charge_declined: {
      by: ['platform'],
      from: ['charging'],
      to: 'payment_failed',
      label: 'Record a declined charge',
      effect: 'The contract pauses and the client is told; the job or “Pay now” tries again.',
    },
  },
})

export type InvoiceTransitionName = keyof typeof INVOICE_MACHINE.transitions
