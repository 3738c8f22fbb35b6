import type { PayoutStatus } from '~/domain/enums'
import { defineMachine } from './state-machine'

/**
 * A freelancer's payout: requested (the money already left the wallet), possibly held for an
 * admin, then sent, failed or cancelled; failing and cancelling give the whole amount back. A
 * payout being sent (claimed by one caller) cannot be held or cancelled; the models check that.
 */
export const PAYOUT_MACHINE = defineMachine<PayoutStatus>()({
  initial: 'requested',
  transitions: {
    hold: {
      by: ['admin'],
      from: ['requested'],
      to: 'held',
      label: 'Hold',
      effect: 'The sending job leaves it alone; the freelancer is told the reason.',
    },
    security_hold: {
      by: ['platform'],
      from: ['requested'],
      to: 'held',
      label: 'Hold after a security change',
      effect: 'A payout to a method added within a day of a second-factor change waits for an admin.',
    },
    release: {
      by: ['admin'],
      from: ['requested', 'held'],
      to: 'sent',
      label: 'Release',
      effect: 'Sent now through Stripe or the sandbox; a refusal fails it instead.',
    },
    cancel: {
      by: ['admin'],
      from: ['requested', 'held'],
      to: 'cancelled',
      label: 'Cancel',
      effect: 'The amount, fee included, goes back to the wallet; the freelancer is told the reason.',
    },
    send: {
      by: ['platform'],
      from: ['requested'],
      to: 'sent',
      label: 'Send',
      effect: 'Instant payouts at once, standard ones by the job after the review window; the freelancer is told.',
    },
    fail: {
      by: ['platform'],
      from: ['requested', 'held'],
      to: 'failed',
      label: 'Mark failed',
      effect:
        'The provider refused (or sandbox money may not move): the amount, fee included, goes back to the wallet.',
    },
  },
})

export type PayoutTransitionName = keyof typeof PAYOUT_MACHINE.transitions
