import { getStripe } from './stripe.server'
import type { CardPaymentProvider } from './card-payment-provider'
import { stripeCardProvider } from './stripe-checkout.server'

/** The built-in processor (see sandbox-card.ts): the payer types a test card on /checkout/:id. */
const sandboxCardProvider: CardPaymentProvider = {
  name: 'sandbox',
  startCheckout: async ({ payment }) => ({ ok: true, redirectTo: `/checkout/${payment.id}` }),
}

/** Stripe when STRIPE_SECRET_KEY is set, otherwise the sandbox. */
export function getCardProvider(): CardPaymentProvider {
  const stripe = getStripe()
  return stripe ? stripeCardProvider(stripe) : sandboxCardProvider
}
