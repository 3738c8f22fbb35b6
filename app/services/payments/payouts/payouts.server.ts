import crypto from 'node:crypto'
import { PAYOUT_MACHINE } from '~/domain/payout-machine'
import { fromStates, toState } from '~/domain/state-machine'
import { getDb } from '~/models/db.server'
import type { PayoutSpeed, PayoutStatus } from '~/domain/enums'
import { balanceOf, LedgerViolation, writeLedgerTransaction } from '~/models/ledger.server'
import {
  changePayoutStatusSync,
  claimPayoutForSending,
  findPayout,
  findPayoutByKeySync,
  findPayoutMethodById,
  findPayoutMethodOf,
  findPayoutSync,
  insertPayoutEventSync,
  insertPayoutSync,
  listPayoutsDue,
  setPayoutLedgerSync,
  type Payout,
  type PayoutMethod,
} from '~/models/payouts.server'
import { notify } from '~/services/notifications/notify.server'
import { factorsChangedInDayBefore } from '~/services/security/factor-changes.server'
import { FRAUD_HOLD_REASON, payoutsHeldForReview } from '~/services/fraud/payout-hold.server'
import { screenAccount } from '~/services/fraud/screening.server'
import { currencyDigits, formatMoney } from '~/utils/format'
import { convertMinor } from '../../../utils/money-conversion'
import { describePayoutMethod } from './payout-method-labels'
import { payoutPosting, payoutReversalPosting, type PayoutSubject } from '../ledger/payout-postings'
import { instantFeeMinimumMinor, largePayoutMinor, payoutMinimumMinor } from './payout-fees'
import { usdRateOf } from '../rates/dollar-amounts.server'
import { quotePayout, type PayoutQuote } from './payout-quotes'
import {
  checkPayoutAction,
  PAYOUT_REVIEW_WINDOW_MS,
  SECURITY_HOLD_REASON,
  type AdminPayoutAction,
} from './payout-transitions'
import { sendConnectedPayout } from './stripe-connect.server'
import { getExchangeRate, type ExchangeRateSource } from '../rates/rates.server'
import { paysOutInSandbox, payoutMethodUsable, sandboxMoney } from '../cards/sandbox-money.server'
import { getStripe } from '../cards/stripe.server'
import { MINUTE_MS } from '~/domain/durations'
import { differingFields, keyReusedMessage } from '~/domain/idempotency'

/** A send that started this long ago without finishing (a crash) may be tried again. */
const STALE_SEND_MS = 5 * MINUTE_MS

export type PayoutForm = { methodId: string; currency: string; amountMinor: number; speed: PayoutSpeed }
type FieldError = { ok: false; reason: 'invalid'; field: 'methodId' | 'amount' | 'speed' | null; message: string }
/** The form's key was already used for a different payout: nothing was done (409). */
type KeyReused = { ok: false; reason: 'key-reused'; message: string }

const subjectOf = (payout: Payout): PayoutSubject => ({ ...payout })

export type CryptoQuote = { asset: string; amount: string; rate: string; asOf: Date; source: ExchangeRateSource }

/**
 * What a crypto payout comes to in its asset at the current rate (exact BigInt arithmetic), or null
 * when no rate is known for the pair; the payout then goes out as the wallet currency's value.
 */
async function cryptoQuoteFor(
  method: PayoutMethod,
  receiveMinor: number,
  currency: string,
  now: Date,
): Promise<CryptoQuote | null> {
  if (method.rail !== 'crypto' || !method.asset) return null
  try {
    const rate = await getExchangeRate(currency, method.asset, now)
    const amount = convertMinor(BigInt(receiveMinor), currencyDigits(currency), currencyDigits(method.asset), rate.rate)
    return { asset: method.asset, amount: amount.toString(), rate: rate.rate, asOf: rate.asOf, source: rate.source }
  } catch {
    return null
  }
}

/**
 * The published dollar figures in each wallet currency but the dollar, at today's rate, as a request
 * is checked: the minimums, the instant payout's least fee and the size that asks for a second factor.
 */
export type PayoutMinimums = {
  currency: string
  bankMinor: number
  cryptoMinor: number
  instantFeeMinor: number
  largeMinor: number
}

export async function payoutMinimumsIn(currencies: string[], now = new Date()): Promise<PayoutMinimums[]> {
  return Promise.all(
    currencies
      .filter((currency) => currency !== 'USD')
      .map(async (currency) => {
        const usdRate = await usdRateOf(currency, now)
        return {
          currency,
          bankMinor: payoutMinimumMinor('bank', currency, usdRate),
          cryptoMinor: payoutMinimumMinor('crypto', currency, usdRate),
          instantFeeMinor: instantFeeMinimumMinor(currency, usdRate),
          largeMinor: largePayoutMinor(currency, usdRate),
        }
      }),
  )
}

/** Whether a method can be paid out to, and the quote for this request against the wallet. */
export async function quoteForUser(
  userId: string,
  form: PayoutForm,
  now = new Date(),
): Promise<{ ok: true; quote: PayoutQuote; method: PayoutMethod; crypto: CryptoQuote | null } | FieldError> {
  const method = await findPayoutMethodOf(userId, form.methodId)
  if (!method || method.status !== 'active')
    return { ok: false, reason: 'invalid', field: 'methodId', message: 'Choose one of your payout methods.' }
  const sandbox = sandboxMoney()
  if (!sandbox.available && !payoutMethodUsable(method)) {
    return {
      ok: false,
      reason: 'invalid',
      field: 'methodId',
      message: `Payouts to ${describePayoutMethod(method)} are not available: ${sandbox.reason}`,
    }
  }
  const balanceMinor = await balanceOf({ kind: 'wallet', ownerId: userId, currency: form.currency })
  const instantAvailable = method.rail === 'crypto' || method.instantAvailable
  const usdRate = await usdRateOf(form.currency, now)
  const outcome = quotePayout({
    rail: method.rail,
    speed: form.speed,
    amountMinor: form.amountMinor,
    currency: form.currency,
    balanceMinor,
    instantAvailable,
    usdRate,
    now,
  })
  if (!outcome.ok) return { ok: false, reason: 'invalid', field: outcome.field, message: outcome.message }
  return {
    ok: true,
    quote: outcome.quote,
    method,
    crypto: await cryptoQuoteFor(method, outcome.quote.receiveMinor, form.currency, now),
  }
}

export type RequestOutcome = { ok: true; payout: Payout; repeated: boolean } | FieldError | KeyReused

/**
 * A payout already recorded under the request's key: the same request again answers with it; a
 * request that meant another payout (amount, currency, method or speed) is refused.
 */
function repeatOf(earlier: Payout, form: PayoutForm): RequestOutcome {
  const asked = { methodId: form.methodId, currency: form.currency, amountMinor: form.amountMinor, speed: form.speed }
  const first = {
    methodId: earlier.methodId,
    currency: earlier.currency,
    amountMinor: earlier.amountMinor,
    speed: earlier.speed,
  }
  if (!differingFields(first, asked).length) return { ok: true, payout: earlier, repeated: true }
  const firstWas = `a different payout of ${formatMoney(earlier.amountMinor, earlier.currency)} (${earlier.speed}) to ${earlier.destination}`
  return { ok: false, reason: 'key-reused', message: keyReusedMessage(firstWas) }
}

/**
 * Takes the money out of the wallet and records the payout, in one transaction. The form's
 * idempotency key makes a second submission return the first payout without moving money again;
 * the ledger's never-below-zero check makes concurrent requests unable to overdraw the wallet.
 * Instant payouts are sent at once; standard ones by the sending job after the review window.
 * A payout to a method added within a day after the account's second factors changed starts
 * held (the admin hold, with its reason shown): that pair is what a session thief does. So does
 * every payout of an account whose open fraud alerts reach the hold score (services/fraud).
 */
export async function requestPayout(
  user: { id: string },
  form: PayoutForm & { idempotencyKey: string },
  now = new Date(),
): Promise<RequestOutcome> {
  const earlier = findPayoutByKeySync(user.id, form.idempotencyKey)
  if (earlier) return repeatOf(earlier, form)
  const checked = await quoteForUser(user.id, form, now)
  if (!checked.ok) return checked
  const { quote, method, crypto: inAsset } = checked
  const holdReason = (await factorsChangedInDayBefore(user.id, method.createdAt))
    ? SECURITY_HOLD_REASON
    : (await payoutsHeldForReview(user.id))
      ? FRAUD_HOLD_REASON
      : null
  const id = crypto.randomUUID()
  const db = getDb()
  try {
    const result = db.transaction(() => {
      const again = findPayoutByKeySync(user.id, form.idempotencyKey)
      if (again) return repeatOf(again, form)
      insertPayoutSync(
        {
          id,
          userId: user.id,
          methodId: method.id,
          idempotencyKey: form.idempotencyKey,
          rail: method.rail,
          speed: quote.speed,
          status: 'requested',
          amountMinor: quote.amountMinor,
          feeMinor: quote.feeMinor,
          currency: quote.currency,
          destination: describePayoutMethod(method),
          sandbox: paysOutInSandbox(method),
          expectedBy: quote.expectedBy,
          cryptoAsset: inAsset?.asset ?? method.asset,
          cryptoAmount: inAsset?.amount ?? null,
          cryptoRate: inAsset?.rate ?? null,
          rateAsOf: inAsset?.asOf ?? null,
        },
        now,
      )
      const payout = findPayoutSync(id)!
      setPayoutLedgerSync(id, {
        ledgerTransactionId: writeLedgerTransaction(payoutPosting(subjectOf(payout), now)).transactionId,
      })
      insertPayoutEventSync({
        payoutId: id,
        actorId: user.id,
        fromStatus: null,
        toStatus: 'requested',
        reason: null,
        createdAt: now,
      })
      if (holdReason) holdForSecuritySync(id, holdReason, now)
      return { ok: true as const, payout: findPayoutSync(id)!, repeated: false }
    })
    if (!result.ok) return result
    if (!result.repeated && holdReason) await tellFreelancer(result.payout, 'held', holdReason)
    if (!result.repeated) await screenAccount(user.id, now)
    const sendable = fromStates(PAYOUT_MACHINE, 'send').includes(result.payout.status)
    if (!result.repeated && sendable && result.payout.speed === 'instant') {
      await sendPayout(result.payout.id, { actorId: null, reason: null, action: 'send' }, now)
    }
    return { ok: true, payout: (await findPayout(result.payout.id))!, repeated: result.repeated }
  } catch (error) {
    if (error instanceof LedgerViolation) {
      return {
        ok: false,
        reason: 'invalid',
        field: 'amount',
        message: 'Your wallet does not hold enough for this payout any more.',
      }
    }
    throw error
  }
}

/** Marks a payout failed and gives the whole amount, fee included, back to the wallet (once). */
function failAndReturn(
  payout: Payout,
  reason: string,
  actorId: string | null,
  at: Date,
  claimed: boolean,
  to: 'failed' | 'cancelled',
): boolean {
  return getDb().transaction(() => {
    const changed = changePayoutStatusSync({
      id: payout.id,
      from: fromStates(PAYOUT_MACHINE, to === 'failed' ? 'fail' : 'cancel'),
      to,
      reason,
      actorId,
      at,
      sending: claimed ? 'claimed' : 'unclaimed',
    })
    if (!changed) return false
    const reversal = writeLedgerTransaction(payoutReversalPosting(subjectOf(payout), reason, at))
    setPayoutLedgerSync(payout.id, { reversalTransactionId: reversal.transactionId })
    return true
  })
}

/** Errors after which the transfer may or may not exist at Stripe. */
function isTransient(error: unknown): boolean {
  const { type, statusCode } = (error ?? {}) as { type?: string; statusCode?: number }
  if (
    type === 'StripeConnectionError' ||
    type === 'StripeAPIError' ||
    type === 'StripeRateLimitError' ||
    type === 'StripeIdempotencyError'
  )
    return true
  return statusCode !== undefined && (statusCode >= 500 || statusCode === 429 || statusCode === 409)
}

/** Sending is the platform's "send" (instant, or the job) or an admin's "release". */
type SendOptions = { actorId: string | null; reason: string | null; action: 'send' | 'release' }

/**
 * Sends a payout: with Stripe configured, a bank payout is a Transfer to the freelancer's connected
 * account; otherwise (sandbox banks, crypto wallets) it is marked sent with a sandbox reference,
 * only while sandbox money may move: where it may not, it fails and the money goes back to the
 * wallet. A refusal by the provider fails the payout and returns the money; no answer leaves it
 * claimed for the job to retry.
 */
async function sendPayout(
  id: string,
  options: SendOptions,
  now = new Date(),
): Promise<'sent' | 'failed' | 'retrying' | 'not_allowed'> {
  const from = fromStates(PAYOUT_MACHINE, options.action)
  if (!(await claimPayoutForSending(id, from, now, new Date(now.getTime() - STALE_SEND_MS)))) return 'not_allowed'
  const payout = (await findPayout(id))!
  const method = await findPayoutMethodById(payout.methodId)
  let reference: string
  let note: string | null = null
  const sandbox = sandboxMoney()
  if (payout.sandbox && !sandbox.available) {
    const reason = `Test payouts are not sent here: ${sandbox.reason}`
    failAndReturn(payout, reason, options.actorId, now, true, 'failed')
    await tellFreelancer(payout, 'failed', reason)
    return 'failed'
  }
  if (payout.sandbox) {
    reference = `sandbox_${payout.rail}_${crypto.randomBytes(6).toString('hex')}`
  } else {
    const stripe = getStripe()
    try {
      if (!stripe || !method?.stripeAccountId) throw new Error('bank payouts are not available here right now.')
      const sent = await sendConnectedPayout(stripe, {
        payoutId: id,
        accountId: method.stripeAccountId,
        amountMinor: payout.amountMinor - payout.feeMinor,
        currency: payout.currency,
        instant: payout.speed === 'instant',
      })
      reference = sent.reference
      note = sent.note
    } catch (error) {
      // No answer (or a server error) may still mean Stripe made the transfer: keep the claim, and the
      // sending job tries again later with the same idempotency key, which Stripe answers once.
      if (isTransient(error)) return 'retrying'
      const reason = `The transfer failed: ${error instanceof Error ? error.message : 'unknown error'}`
      failAndReturn(payout, reason, options.actorId, now, true, 'failed')
      await tellFreelancer(payout, 'failed', reason)
      return 'failed'
    }
  }
  const sent = getDb().transaction(() =>
    changePayoutStatusSync({
      id,
      from,
      to: toState(PAYOUT_MACHINE, options.action),
      reason: note ?? options.reason,
      actorId: options.actorId,
      at: now,
      set: { providerRef: reference, sentAt: now },
      sending: 'claimed',
    }),
  )
  if (sent) await tellFreelancer(payout, 'sent', note ?? options.reason)
  return sent ? 'sent' : 'not_allowed'
}

async function tellFreelancer(payout: Payout, to: PayoutStatus, reason: string | null) {
  const money = formatMoney(payout.amountMinor - payout.feeMinor, payout.currency)
  const titles: Partial<Record<PayoutStatus, string>> = {
    sent: `Your payout of ${money} is sent${payout.sandbox ? ' (test mode: no real money moved)' : ''}`,
    held: `Your payout of ${money} is held for review`,
    cancelled: `Your payout of ${money} is cancelled and back in your wallet`,
    failed: `Your payout of ${money} failed and is back in your wallet`,
  }
  const title = titles[to]
  if (!title) return
  await notify({
    userId: payout.userId,
    kind: 'payout_update',
    title,
    body: reason ? `Reason: ${reason}` : `To ${payout.destination}.`,
    link: '/payouts',
  })
}

export type AdminOutcome =
  { ok: true; status: PayoutStatus } | { ok: false; reason: 'not-found' | 'conflict'; message: string }

/** An admin holds, releases (sends) or cancels (refunds) a payout, always with a reason the freelancer sees. */
export async function actOnPayout(
  admin: { id: string },
  payoutId: string,
  action: AdminPayoutAction,
  reason: string,
  now = new Date(),
): Promise<AdminOutcome> {
  const payout = await findPayout(payoutId)
  if (!payout) return { ok: false, reason: 'not-found', message: 'There is no such payout.' }
  const check = checkPayoutAction(action, payout.status)
  if (!check.ok) return { ok: false, reason: 'conflict', message: check.message }
  const busy = {
    ok: false as const,
    reason: 'conflict' as const,
    message: 'This payout changed meanwhile (it may be being sent right now). Reload to see where it is.',
  }
  if (action === 'release') {
    const result = await sendPayout(payout.id, { actorId: admin.id, reason, action: 'release' }, now)
    if (result === 'not_allowed') return busy
    if (result === 'retrying')
      return {
        ok: false,
        reason: 'conflict',
        message:
          'Stripe did not answer. The payout is being sent and is tried again within 15 minutes; nothing is sent twice.',
      }
    return { ok: true, status: result }
  }
  if (action === 'hold') {
    const held = getDb().transaction(() =>
      changePayoutStatusSync({
        id: payout.id,
        from: fromStates(PAYOUT_MACHINE, 'hold'),
        to: toState(PAYOUT_MACHINE, 'hold'),
        reason,
        actorId: admin.id,
        at: now,
        sending: 'unclaimed',
      }),
    )
    if (!held) return busy
    await tellFreelancer(payout, 'held', reason)
    return { ok: true, status: 'held' }
  }
  if (!failAndReturn(payout, reason, admin.id, now, false, 'cancelled')) return busy
  await tellFreelancer(payout, 'cancelled', reason)
  return { ok: true, status: 'cancelled' }
}

/** The scheduled job: standard payouts past the review window are sent. Safe to repeat. */
export async function runPayoutSending(now = new Date()): Promise<{ sent: number; failed: number }> {
  const due = await listPayoutsDue(
    new Date(now.getTime() - PAYOUT_REVIEW_WINDOW_MS),
    new Date(now.getTime() - STALE_SEND_MS),
  )
  let sent = 0
  let failed = 0
  for (const payout of due) {
    const result = await sendPayout(payout.id, { actorId: null, reason: null, action: 'send' }, now)
    if (result === 'sent') sent++
    if (result === 'failed') failed++
  }
  return { sent, failed }
}

/**
 * The platform's security hold: the payout waits for an admin. Taken inside the request's own
 * transaction (a method added soon after a second-factor change); false once it left "requested".
 */
export function holdForSecuritySync(payoutId: string, reason: string, at: Date): boolean {
  return changePayoutStatusSync({
    id: payoutId,
    from: fromStates(PAYOUT_MACHINE, 'security_hold'),
    to: toState(PAYOUT_MACHINE, 'security_hold'),
    reason,
    actorId: null,
    at,
    sending: 'unclaimed',
  })
}
