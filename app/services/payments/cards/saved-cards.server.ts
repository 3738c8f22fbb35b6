import Stripe from 'stripe'
import { findSavedCard, removeSavedCard, saveCard, type SavedCard } from '~/models/invoice-charges.server'
import { siteOrigin } from '~/utils/env.server'
import { logger } from '~/utils/logger.server'
import { sandboxMoney } from './sandbox-money.server'
import { checkSandboxCardToSave, chargeSavedSandboxCard } from './sandbox-saved-card'
import type { SandboxCardInput } from './sandbox-card'
import { getStripe } from './stripe.server'
import { toStripeAmount } from './stripe-amount'

/*
 * A client's card on file, charged without them present (off-session) when an hourly invoice is
 * due and their wallet does not cover it. With STRIPE_SECRET_KEY set it is a Stripe customer's
 * payment method saved through Checkout in setup mode; otherwise a sandbox test card.
 */

export type SaveOutcome = { ok: true } | { ok: false; field: 'number' | 'expiry' | 'cvc' | null; message: string }
export type SetupStart = { ok: true; redirectTo: string } | { ok: false; message: string }
export type OffSessionCharge =
  | { ok: true; provider: 'sandbox' | 'stripe'; providerRef: string | null; last4: string }
  | { ok: false; declined: true; message: string }
  /** The provider did not answer: the charge may or may not have happened; retry with the same key. */
  | { ok: false; declined: false; message: string }

export type CardOnFileView = { brand: string; last4: string; expiry: string; provider: 'sandbox' | 'stripe' } | null

export async function describeCardOnFile(userId: string): Promise<CardOnFileView> {
  const card = await findSavedCard(userId)
  if (!card) return null
  return {
    brand: card.brand,
    last4: card.last4,
    expiry: `${String(card.expMonth).padStart(2, '0')}/${String(card.expYear).slice(-2)}`,
    provider: card.provider,
  }
}

export async function saveSandboxCard(userId: string, input: SandboxCardInput, now = new Date()): Promise<SaveOutcome> {
  if (getStripe()) return { ok: false, field: null, message: 'Cards are saved on Stripe’s secure page here.' }
  const sandbox = sandboxMoney()
  if (!sandbox.available) return { ok: false, field: null, message: `Test cards cannot be saved: ${sandbox.reason}` }
  const checked = checkSandboxCardToSave(input, now)
  if (!checked.ok) return checked
  await saveCard(
    { userId, provider: 'sandbox', ...checked.card, stripeCustomerId: null, stripePaymentMethodId: null },
    now,
  )
  return { ok: true }
}

export async function forgetCard(userId: string): Promise<boolean> {
  return removeSavedCard(userId)
}

/** Where Stripe sends the client back: the site's own origin (APP_URL), never the request's Host header. */
function setupReturnUrl(): string {
  return `${siteOrigin()}/settings/billing/card`
}

/** Sends the client to Stripe's hosted page to save a card (Checkout in setup mode; no card data touches us). */
export async function startStripeCardSetup(
  user: { id: string; email: string; name: string },
  currency = 'USD',
): Promise<SetupStart> {
  const stripe = getStripe()
  if (!stripe) return { ok: false, message: 'Card payments are not available here.' }
  try {
    const existing = await findSavedCard(user.id)
    const customer =
      existing?.stripeCustomerId ??
      (
        await stripe.customers.create(
          { email: user.email, name: user.name, metadata: { user_id: user.id } },
          { idempotencyKey: `customer:${user.id}` },
        )
      ).id
    const back = setupReturnUrl()
    const session = await stripe.checkout.sessions.create({
      mode: 'setup',
      customer,
      // Setup mode needs a currency to choose payment methods; the card is then charged in any.
      currency: currency.toLowerCase(),
      allowed_payment_method_types: ['card'],
      client_reference_id: user.id,
      metadata: { user_id: user.id, purpose: 'card_on_file' },
      success_url: `${back}?stripe=saved&session={CHECKOUT_SESSION_ID}`,
      cancel_url: `${back}?stripe=cancelled`,
    })
    return session.url
      ? { ok: true, redirectTo: session.url }
      : { ok: false, message: 'Stripe did not return a page to save the card. Try again.' }
  } catch (error) {
    logger.warn({ err: error, userId: user.id }, 'Stripe card setup could not start')
    return { ok: false, message: 'Stripe could not start saving the card just now. Try again in a moment.' }
  }
}

/** Back from Stripe: keeps the saved payment method if the session is this user's and complete. */
export async function finishStripeCardSetup(userId: string, sessionId: string, now = new Date()): Promise<SaveOutcome> {
  const stripe = getStripe()
  if (!stripe) return { ok: false, field: null, message: 'Card payments are not available here.' }
  try {
    const session = await stripe.checkout.sessions.retrieve(sessionId, { expand: ['setup_intent.payment_method'] })
    const intent = typeof session.setup_intent === 'object' ? session.setup_intent : null
    const method = intent && typeof intent.payment_method === 'object' ? intent.payment_method : null
    const customer = typeof session.customer === 'string' ? session.customer : (session.customer?.id ?? null)
    if (session.metadata?.user_id !== userId || session.mode !== 'setup')
      return { ok: false, field: null, message: 'That Stripe session is not yours.' }
    if (session.status !== 'complete' || !method?.card || !customer)
      return { ok: false, field: null, message: 'The card was not saved on Stripe’s page. Try again.' }
    await saveCard(
      {
        userId,
        provider: 'stripe',
        brand: method.card.brand.replace(/^./, (first) => first.toUpperCase()),
        last4: method.card.last4,
        expMonth: method.card.exp_month,
        expYear: method.card.exp_year,
        sandboxDecline: null,
        stripeCustomerId: customer,
        stripePaymentMethodId: method.id,
      },
      now,
    )
    return { ok: true }
  } catch (error) {
    logger.warn({ err: error, userId }, 'Stripe card setup could not be read back')
    return {
      ok: false,
      field: null,
      message: 'Stripe could not confirm the saved card just now. Reload this page in a moment.',
    }
  }
}

/**
 * Charges the card on file without the client present. The idempotency key makes a retry of the
 * same attempt (after a crash or a timeout) return the first answer instead of charging again.
 */
export async function chargeCardOnFile(
  card: SavedCard,
  charge: {
    amountMinor: number
    currency: string
    idempotencyKey: string
    description: string
    metadata: Record<string, string>
  },
  now = new Date(),
): Promise<OffSessionCharge> {
  const stripe = getStripe()
  if (card.provider === 'sandbox') {
    if (stripe || !sandboxMoney().available)
      return {
        ok: false,
        declined: true,
        message: 'Your saved card is a test card, which cannot be charged here. Save a real card.',
      }
    const decline = chargeSavedSandboxCard(card, now)
    return decline
      ? { ok: false, declined: true, message: decline }
      : { ok: true, provider: 'sandbox', providerRef: null, last4: card.last4 }
  }
  if (!stripe || !card.stripeCustomerId || !card.stripePaymentMethodId)
    return {
      ok: false,
      declined: true,
      message: 'Your saved card cannot be charged here any more. Save a card again.',
    }
  const amount = toStripeAmount(charge.amountMinor, charge.currency)
  if (!amount.ok) return { ok: false, declined: true, message: amount.message }
  try {
    const intent = await stripe.paymentIntents.create(
      {
        amount: amount.amount,
        currency: amount.currency,
        customer: card.stripeCustomerId,
        payment_method: card.stripePaymentMethodId,
        off_session: true,
        confirm: true,
        description: charge.description,
        metadata: charge.metadata,
      },
      { idempotencyKey: charge.idempotencyKey },
    )
    if (intent.status === 'succeeded')
      return { ok: true, provider: 'stripe', providerRef: intent.id, last4: card.last4 }
    return {
      ok: false,
      declined: true,
      message: `Your bank did not complete the charge (${intent.status.replaceAll('_', ' ')}).`,
    }
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError) {
      const message =
        error.code === 'authentication_required'
          ? 'Your bank asks you to confirm this payment, which cannot be done while you are away.'
          : error.message
      return { ok: false, declined: true, message }
    }
    logger.warn({ err: error }, 'Stripe off-session charge did not answer')
    return { ok: false, declined: false, message: 'Stripe did not answer.' }
  }
}
