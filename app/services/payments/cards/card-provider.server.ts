import type { CardPayment } from '~/models/card-payments.server'
import { getStripe } from './stripe.server'
import { stripeCardProvider } from './stripe-checkout.server'

export type CheckoutRequest = {
  payment: CardPayment
  /** What the payer sees the money is for. */
  title: string
  /** The origin the payer's browser used; Stripe sends them back there unless APP_URL is set. */
  requestOrigin: string | null
  at: Date
}
export type CheckoutStart = { ok: true; redirectTo: string } | { ok: false; message: string }

/** Whoever takes the card details: MegiLance's own sandbox page, or Stripe's hosted Checkout. */
export type CardPaymentProvider = {
  readonly name: CardPayment['provider']
  startCheckout(request: CheckoutRequest): Promise<CheckoutStart>
}

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
