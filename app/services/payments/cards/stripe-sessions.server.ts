import type Stripe from 'stripe'
import {
  cardPaymentLedgerKind,
  findCardPayment,
  findCardPaymentByProviderRef,
  markCardPaymentFailed,
  recordCardDeclineSync,
  setCardPaymentProviderRef,
  type CardPayment,
} from '~/models/card-payments.server'
import {
  findContract,
  findMilestone,
  getMilestoneContractId,
  type Contract,
  type Milestone,
} from '~/models/contracts.server'
import { getDb } from '~/models/db.server'
import { hasStripeEvent, recordStripeEvent } from '~/models/stripe-events.server'
import { findUserById } from '~/models/users.server'
import { tellFreelancerMilestoneFunded } from '~/services/marketplace/milestone-notices.server'
import { logger } from '~/utils/logger.server'
import { milestoneIdOfPayment, settlePaidCardPayment } from '../ledger/escrow.server'
import { toStripeAmount } from './stripe-amount'
import { getStripe } from './stripe.server'
import { LEDGER_TRANSACTION } from '~/domain/enums'

export type StripeOutcome =
  | 'funded'
  | 'wallet'
  | 'already_paid'
  | 'failed'
  | 'declined'
  | 'awaiting_payment'
  | 'ignored'
  | 'rejected'
  | 'duplicate'
/** The event being handled; null when we asked Stripe ourselves (the payer came back first). */
type EventRef = { id: string; type: string } | null

/**
 * Runs an event's effect at most once: the check for its id, the effect and the record of it are
 * one SQLite transaction, so a replay (or 20 deliveries at once) finds the record and does nothing.
 */
function once(event: EventRef, paymentId: string | null, at: Date, effect: () => StripeOutcome): StripeOutcome {
  return getDb().transaction(() => {
    if (event && hasStripeEvent(event.id)) return 'duplicate' as const
    const outcome = effect()
    if (event) recordStripeEvent({ id: event.id, type: event.type, paymentId, outcome, at })
    return outcome
  })
}

/** Our payment behind a Checkout Session: by the saved session id, else by the id in its metadata. */
async function paymentForSession(session: Stripe.Checkout.Session, at: Date): Promise<CardPayment | undefined> {
  const saved = await findCardPaymentByProviderRef('stripe', session.id)
  if (saved) return saved
  // Created at Stripe but its id not saved here (a crash in between): the metadata still names it.
  const id = session.metadata?.payment_id
  const payment = id ? await findCardPayment(id) : undefined
  if (!payment || payment.provider !== 'stripe' || payment.providerRef) return undefined
  await setCardPaymentProviderRef(payment.id, session.id, at)
  return findCardPayment(payment.id)
}

type Subject = { payment: CardPayment; contract: Contract; milestone: Milestone; payerName: string }

async function subjectOf(payment: CardPayment): Promise<Subject | null> {
  const milestoneId = milestoneIdOfPayment(payment)
  const contractId = milestoneId ? await getMilestoneContractId(milestoneId) : undefined
  const [contract, milestone, payer] = await Promise.all([
    contractId ? findContract(contractId) : undefined,
    contractId && milestoneId ? findMilestone(contractId, milestoneId) : undefined,
    findUserById(payment.userId),
  ])
  return contract && milestone ? { payment, contract, milestone, payerName: payer?.name ?? 'The client' } : null
}

/** Stripe took what we asked for: the same amount in the same currency. */
function chargedAsAsked(payment: CardPayment, session: Stripe.Checkout.Session): boolean {
  const asked = toStripeAmount(payment.amountMinor, payment.currency)
  return asked.ok && session.amount_total === asked.amount && session.currency === asked.currency
}

/**
 * A Checkout Session Stripe reports complete: when paid, the milestone is funded (or the payer's
 * wallet credited) exactly once, whichever of the webhook, a replay or the payer's return is first.
 */
export async function applyCompletedSession(
  session: Stripe.Checkout.Session,
  event: EventRef,
  at = new Date(),
): Promise<StripeOutcome> {
  const payment = await paymentForSession(session, at)
  if (!payment) return once(event, null, at, () => 'ignored')
  if (session.payment_status !== 'paid') return once(event, payment.id, at, () => 'awaiting_payment')
  if (!chargedAsAsked(payment, session)) {
    logger.error(
      { paymentId: payment.id, sessionId: session.id, amount: session.amount_total, currency: session.currency },
      'Stripe charged a different amount; not funded',
    )
    return once(event, payment.id, at, () => 'rejected')
  }
  const subject = await subjectOf(payment)
  if (!subject) return once(event, payment.id, at, () => 'ignored')
  const outcome = once(event, payment.id, at, () =>
    settlePaidCardPayment({ ...subject, last4: null, actorName: subject.payerName, at }),
  )
  if (outcome === 'funded') await tellFreelancerMilestoneFunded(subject.contract, subject.milestone)
  return outcome
}

/** An expired session, or an asynchronous payment that failed: recorded, and no money moves. */
export async function applyFailedSession(
  session: Stripe.Checkout.Session,
  event: EventRef,
  reason: string,
  at = new Date(),
): Promise<StripeOutcome> {
  const payment = await paymentForSession(session, at)
  return once(event, payment?.id ?? null, at, () =>
    payment && markCardPaymentFailed(payment.id, reason, at) ? 'failed' : 'ignored',
  )
}

/** A declined card on Stripe's page: the session stays open so the payer can try another card. */
export async function applyFailedPaymentIntent(
  intent: Stripe.PaymentIntent,
  event: EventRef,
  at = new Date(),
): Promise<StripeOutcome> {
  const id = intent.metadata?.payment_id
  const payment = id ? await findCardPayment(id) : undefined
  const known = payment?.provider === 'stripe' ? payment : undefined
  const reason = intent.last_payment_error?.message ?? 'Your card was declined.'
  return once(event, known?.id ?? null, at, () =>
    known && recordCardDeclineSync(known.id, reason, at) ? 'declined' : 'ignored',
  )
}

export const EXPIRED_REASON =
  'The Stripe checkout expired before it was paid. Nothing was charged; start the payment again.'

/**
 * A Stripe payment as the payer finds it on our page. If the webhook has not arrived yet we ask
 * Stripe for the session (with our secret key, so the answer is Stripe's own) and apply it the
 * same once-only way. If Stripe cannot be reached the payment simply stays pending. `payUrl` is
 * Stripe's page while the session is still open.
 */
async function refreshStripePayment(
  stripe: Stripe,
  payment: CardPayment,
  at = new Date(),
): Promise<{ payment: CardPayment; payUrl: string | null }> {
  if (payment.status !== 'pending' || !payment.providerRef) return { payment, payUrl: null }
  let payUrl: string | null = null
  try {
    const session = await stripe.checkout.sessions.retrieve(payment.providerRef)
    if (session.status === 'complete') await applyCompletedSession(session, null, at)
    else if (session.status === 'expired') await applyFailedSession(session, null, EXPIRED_REASON, at)
    else payUrl = session.url
  } catch (error) {
    logger.warn({ err: error, paymentId: payment.id }, 'Could not ask Stripe about a checkout session')
  }
  return { payment: (await findCardPayment(payment.id)) ?? payment, payUrl }
}

/** Where a Stripe payment stands for its payer: paid (and where the money went), waiting or failed. */
export async function stripePaymentStatus(payment: CardPayment, at = new Date()) {
  const stripe = getStripe()
  const { payment: fresh, payUrl } = stripe
    ? await refreshStripePayment(stripe, payment, at)
    : { payment, payUrl: null }
  if (fresh.status === 'succeeded')
    return {
      state: 'paid' as const,
      funded: (await cardPaymentLedgerKind(fresh.id)) !== LEDGER_TRANSACTION.walletDeposit,
      payUrl: null,
      reason: null,
    }
  if (fresh.status === 'failed')
    return { state: 'failed' as const, funded: false, payUrl: null, reason: fresh.failureReason }
  return { state: 'waiting' as const, funded: false, payUrl, reason: fresh.failureReason }
}
