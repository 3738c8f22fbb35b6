import type { CryptoPaymentStatus } from '~/domain/enums'
import { defineMachine } from './state-machine'

/**
 * A crypto payment request for a milestone holds its rate for a while. A matching transaction
 * (reported by the webhook, or confirmed by an admin who checked the chain) confirms it once; after
 * the rate lock ends it expires, and money that arrives anyway is recorded for a refund.
 */
export const CRYPTO_PAYMENT_MACHINE = defineMachine<CryptoPaymentStatus>()({
  initial: 'pending',
  transitions: {
    confirm: {
      by: ['platform'],
      from: ['pending'],
      to: 'confirmed',
      label: 'Confirm from the webhook',
      effect:
        'The payment funds its milestone in the same transaction, or goes to the payer’s wallet if the milestone cannot take it.',
    },
    confirm_by_admin: {
      by: ['admin'],
      from: ['pending'],
      to: 'confirmed',
      label: 'Confirm a transaction by hand',
      effect: 'As from the webhook, with the admin recorded.',
    },
    expire: {
      by: ['platform'],
      from: ['pending'],
      to: 'expired',
      label: 'Expire when the rate lock ends',
      effect: 'Nothing is funded; a late transaction is recorded for a refund.',
    },
  },
})
