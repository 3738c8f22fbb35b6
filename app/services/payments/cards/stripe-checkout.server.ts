import type Stripe from 'stripe'
import { markCardPaymentFailed, setCardPaymentProviderRef, type CardPayment } from '~/models/card-payments.server'
import { siteOrigin } from '~/utils/env.server'
import { logger } from '~/utils/logger.server'
import type { CardPaymentProvider, CheckoutRequest, CheckoutStart } from './card-payment-provider'
import { toStripeAmount } from './stripe-amount'

/** Where Stripe sends the payer back: the site's own origin (APP_URL), never the request's Host header. */
function checkoutReturnUrls(paymentId: string): { success: string; cancel: string } {
  const page = `${siteOrigin()}/checkout/${paymentId}`
  return { success: `${page}?stripe=return`, cancel: `${page}?stripe=cancelled` }
}

/** The Checkout Session for one of our payments; the metadata ties Stripe's events back to it. */
function checkoutSessionParams(
  request: CheckoutRequest,
  amount: { amount: number; currency: string },
): Stripe.Checkout.SessionCreateParams {
  const { payment } = request
  const urls = checkoutReturnUrls(payment.id)
  return {
    mode: 'payment',
    client_reference_id: payment.id,
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: amount.currency,
          unit_amount: amount.amount,
          product_data: { name: `Escrow for ${request.title}` },
        },
      },
    ],
    metadata: { payment_id: payment.id, purpose: payment.purpose },
    payment_intent_data: { metadata: { payment_id: payment.id, purpose: payment.purpose } },
    success_url: urls.success,
    cancel_url: urls.cancel,
  }
}

/**
 * Stripe Checkout: the payer enters their card on Stripe's hosted page (no JavaScript needed on
 * ours); Stripe's signed webhook confirms the payment. The idempotency key makes a retried create
 * return the same session instead of a second one.
 */
export function stripeCardProvider(stripe: Stripe): CardPaymentProvider {
  return {
    name: 'stripe',
    async startCheckout(request: CheckoutRequest): Promise<CheckoutStart> {
      const { payment } = request
      const amount = toStripeAmount(payment.amountMinor, payment.currency)
      if (!amount.ok) return fail(payment, amount.message, request.at)
      try {
        const session = await stripe.checkout.sessions.create(checkoutSessionParams(request, amount), {
          idempotencyKey: `checkout:${payment.id}`,
        })
        await setCardPaymentProviderRef(payment.id, session.id, request.at)
        if (!session.url)
          return fail(payment, 'Stripe did not return a payment page. Nothing was charged; try again.', request.at)
        return { ok: true, redirectTo: session.url }
      } catch (error) {
        logger.warn({ err: error, paymentId: payment.id }, 'Stripe Checkout session could not be created')
        return fail(
          payment,
          'Stripe could not start the payment just now. Nothing was charged; try again in a moment.',
          request.at,
        )
      }
    },
  }
}

function fail(payment: CardPayment, message: string, at: Date): CheckoutStart {
  markCardPaymentFailed(payment.id, message, at)
  return { ok: false, message }
}
