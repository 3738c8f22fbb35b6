import type { CardPayment } from '~/models/card-payments.server'

export type CheckoutRequest = {
  payment: CardPayment
  /** What the payer sees the money is for. */
  title: string
  at: Date
}
export type CheckoutStart = { ok: true; redirectTo: string } | { ok: false; message: string }

/** Whoever takes the card details: MegiLance's own sandbox page, or Stripe's hosted Checkout. */
export type CardPaymentProvider = {
  readonly name: CardPayment['provider']
  startCheckout(request: CheckoutRequest): Promise<CheckoutStart>
}
