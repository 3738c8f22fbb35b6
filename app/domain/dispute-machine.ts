import type { DisputeStatus } from '~/domain/enums'
import { defineMachine, fromStates } from './state-machine'

/**
 * A dispute about a milestone in escrow or a weekly invoice: opened by either side, answered by
 * the other, decided by an admin. The decision and its money move in one transaction.
 */
export const DISPUTE_MACHINE = defineMachine<DisputeStatus>()({
  initial: 'open',
  transitions: {
    respond: {
      by: ['client', 'freelancer'],
      from: ['open'],
      to: 'responded',
      label: 'Respond',
      effect: 'The side that did not open it answers, with an optional file; the opener is told.',
    },
    decide: {
      by: ['admin'],
      from: ['open', 'responded'],
      to: 'decided',
      label: 'Decide',
      effect:
        'A milestone’s escrow is released, refunded or split; an invoice becomes payable (and is charged) or void. Both sides are told.',
    },
  },
})

/** A dispute is running, and holds its milestone or invoice, while it can still be decided. */
export const RUNNING_DISPUTE_STATES: readonly DisputeStatus[] = fromStates(DISPUTE_MACHINE, 'decide')
