import type Stripe from 'stripe'
import { getEnv } from '~/utils/env.server'
import { logger } from '~/utils/logger.server'
import { getStripe } from './stripe.server'
import {
  applyCompletedSession,
  applyFailedPaymentIntent,
  applyFailedSession,
  EXPIRED_REASON,
  type StripeOutcome,
} from './stripe-sessions.server'

export type WebhookReply = { status: number; body: { received: boolean; outcome?: StripeOutcome; error?: string } }

/** One verified event → its effect. Types we do not act on are acknowledged so Stripe stops sending them. */
async function handleStripeEvent(event: Stripe.Event, at = new Date()): Promise<StripeOutcome> {
  const ref = { id: event.id, type: event.type }
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
      return applyCompletedSession(event.data.object, ref, at)
    case 'checkout.session.expired':
      return applyFailedSession(event.data.object, ref, EXPIRED_REASON, at)
    case 'checkout.session.async_payment_failed':
      return applyFailedSession(
        event.data.object,
        ref,
        'Your payment did not go through. Nothing was charged; start the payment again.',
        at,
      )
    case 'payment_intent.payment_failed':
      return applyFailedPaymentIntent(event.data.object, ref, at)
    default:
      return 'ignored'
  }
}

/**
 * Stripe's call to /webhooks/stripe. The signature is checked on the exact bytes received (any
 * change to the body breaks it) before anything is read from it: 400 for a missing or bad one.
 * A replayed event answers 200 again, so Stripe stops retrying, and moves nothing.
 */
export async function receiveStripeWebhook(
  rawBody: string,
  signature: string | null,
  at = new Date(),
): Promise<WebhookReply> {
  const stripe = getStripe()
  const secret = getEnv().STRIPE_WEBHOOK_SECRET
  if (!stripe || !secret)
    return { status: 404, body: { received: false, error: 'Stripe is not configured on this installation.' } }
  if (!signature) return { status: 400, body: { received: false, error: 'Missing Stripe-Signature header.' } }
  let event: Stripe.Event
  try {
    event = stripe.webhooks.constructEvent(rawBody, signature, secret)
  } catch (error) {
    logger.warn({ err: error }, 'Stripe webhook with a bad signature refused')
    return { status: 400, body: { received: false, error: 'The signature does not match the body.' } }
  }
  const outcome = await handleStripeEvent(event, at)
  logger.info({ eventId: event.id, type: event.type, outcome }, 'Stripe webhook handled')
  return { status: 200, body: { received: true, outcome } }
}
