import type { MilestoneStatus } from '~/domain/enums'
import { defineMachine, fromStates } from './state-machine'

/**
 * A fixed-price milestone: pending → funded → submitted → (changes_requested → submitted)* →
 * released, or back to the client as refunded. Approval releases the escrow at once, so
 * "approved" is passed through in the same step. While a dispute runs, nobody but the dispute
 * decision moves the milestone (the services check that before acting).
 */
export const MILESTONE_MACHINE = defineMachine<MilestoneStatus>()({
  initial: 'pending',
  transitions: {
    fund: {
      by: ['client'],
      from: ['pending'],
      to: 'funded',
      label: 'Fund',
      effect:
        'The amount moves from the client’s wallet (or a card or crypto payment) into escrow; the freelancer is told.',
    },
    fund_by_payment: {
      by: ['platform'],
      from: ['pending'],
      to: 'funded',
      label: 'Record the payment',
      effect:
        'A confirmed card or crypto payment moves into escrow; if the milestone cannot take it any more, it goes to the payer’s wallet instead.',
    },
    submit: {
      by: ['freelancer'],
      from: ['funded', 'changes_requested'],
      to: 'submitted',
      label: 'Submit work',
      effect: 'The client is told and has 14 days to review before approval happens on its own.',
    },
    request_changes: {
      by: ['client'],
      from: ['submitted'],
      to: 'changes_requested',
      label: 'Request changes',
      effect: 'The freelancer is told what to change.',
    },
    approve: {
      by: ['client'],
      from: ['submitted'],
      to: 'released',
      label: 'Approve and release',
      effect: 'Escrow is released: the amount less the platform fee (and its tax) to the freelancer’s wallet.',
    },
    auto_approve: {
      by: ['platform'],
      from: ['submitted'],
      to: 'released',
      label: 'Approve when the 14-day review ends',
      effect: 'The job releases escrow as an approval would, unless a dispute is running; both sides are told.',
    },
    refund: {
      by: ['platform'],
      from: ['funded'],
      to: 'refunded',
      label: 'Refund when the contract ends',
      effect: 'Funded money nobody worked for goes back to the client’s wallet.',
    },
    dispute_release: {
      by: ['platform'],
      from: ['funded', 'submitted', 'changes_requested'],
      to: 'released',
      label: 'Settle a dispute decision that pays the freelancer',
      effect: 'Escrow is divided as the admin decided (all or a split) in the decision’s transaction.',
    },
    dispute_refund: {
      by: ['platform'],
      from: ['funded', 'submitted', 'changes_requested'],
      to: 'refunded',
      label: 'Settle a dispute decision that refunds the client',
      effect: 'Escrow goes back to the client’s wallet in the decision’s transaction.',
    },
  },
  notStored: { approved: 'Approval releases at once: "approved" appears only in the activity log.' },
})

/** The client's money sits in escrow in the states a dispute decision settles from. */
export const ESCROWED_MILESTONE_STATES: readonly MilestoneStatus[] = fromStates(MILESTONE_MACHINE, 'dispute_release')

/** Money can be disputed while it sits in escrow: where a decision may take it back. */
export const DISPUTABLE_MILESTONE_STATES: readonly MilestoneStatus[] = fromStates(MILESTONE_MACHINE, 'dispute_refund')
