import { findMilestone, isContractActiveSync, type Contract, type Milestone } from '~/models/contracts.server'
import {
  createCardPayment,
  findCardPayment,
  linkCardPaymentToLedger,
  markCardPaymentSucceeded,
  recordCardDecline,
  type CardPayment,
} from '~/models/card-payments.server'
import { getDb } from '~/models/db.server'
import { LedgerViolation, writeLedgerTransaction } from '~/models/ledger.server'
import { tellFreelancerMilestoneFunded } from '~/services/marketplace/milestone-notices.server'
import { takeMilestoneAction } from '~/services/marketplace/milestone-changes.server'
import { getEnv } from '~/utils/env.server'
import { formatMoney } from '~/utils/format'
import type { DisputeShares } from '~/services/marketplace/dispute-rules'
import { cardToWalletPosting, fundingPosting, escrowSharesPosting } from './escrow-postings'
import { splitFeeForTreatment, type FeeTaxTreatment } from '../tax/fee-tax'
import { splitPlatformFee } from './fees'
import { getCardProvider } from '../cards/card-provider.server'
import type { CheckoutStart } from '../cards/card-payment-provider'
import { feeTaxTreatmentFor } from '../tax/tax-customer.server'
import { chargeSandboxCard, digitsOnly, passesLuhn, type SandboxCardInput } from '../cards/sandbox-card'
import { recordCardAttempt, type CardAttemptOrigin } from '~/services/fraud/card-attempts.server'
import { sandboxMoney } from '../cards/sandbox-money.server'
import { LEDGER_TRANSACTION } from '~/domain/enums'

export function platformFeePercent(): number {
  return getEnv().PLATFORM_FEE_PERCENT
}

/**
 * What each side sees before committing: the amount, the fee and what the freelancer receives,
 * and, when the client is known, the VAT/GST included in the fee for the client's country.
 */
export function feePreview(amountMinor: number, clientId?: string, at = new Date()) {
  return feePreviewWith(amountMinor, clientId ? feeTaxTreatmentFor(clientId, at) : null)
}

/** The same preview for a tax treatment already looked up (one lookup for all of a contract's milestones). */
export function feePreviewWith(amountMinor: number, treatment: FeeTaxTreatment | null) {
  const split = splitPlatformFee(amountMinor, platformFeePercent())
  return { percent: platformFeePercent(), ...split, tax: treatment ? feeTaxPreview(split.feeMinor, treatment) : null }
}

export type FeeTaxPreview = { kind: FeeTaxTreatment['kind']; label: string; taxMinor: number; revenueMinor: number }

function feeTaxPreview(feeMinor: number, treatment: FeeTaxTreatment): FeeTaxPreview {
  const { taxMinor, revenueMinor } = splitFeeForTreatment(feeMinor, treatment)
  return { kind: treatment.kind, label: treatment.label, taxMinor, revenueMinor }
}

/** The client's tax on the fee, as the ledger needs it: a rate (0 for none) and a note for the record. */
export function feeTaxForPosting(contract: Contract, at: Date): { ppm: number; note: string } {
  const treatment = feeTaxTreatmentFor(contract.clientId, at)
  if (treatment.kind === 'taxed') return { ppm: treatment.rate.ratePpm, note: ` · fee incl. ${treatment.label}` }
  if (treatment.kind === 'reverse_charge') return { ppm: 0, note: ` · ${treatment.label}` }
  return { ppm: 0, note: '' }
}

type Line = { actorId: string | null; kind: string; detail: string }

/** Funds a pending milestone of an active contract from the client's wallet; 'not_pending' when it cannot be funded any more. */
export function fundMilestoneFromWallet(
  contract: Contract,
  milestone: Milestone,
  line: Line,
  at: Date,
): 'funded' | 'not_pending' | 'insufficient' {
  try {
    const changed = takeMilestoneAction('fund', {
      milestone,
      set: { fundedAt: at },
      ledger: [fundingPosting({ contract, milestone }, milestone.amountMinor, { kind: 'wallet' }, at)],
      lines: [line],
      at,
      whileContractActive: true,
    })
    return changed ? 'funded' : 'not_pending'
  } catch (error) {
    if (error instanceof LedgerViolation) return 'insufficient'
    throw error
  }
}

/** A sandbox card payment for a milestone, whatever provider is configured: the demo seed and tests pay it with test cards (where sandbox money may move). */
export async function createSandboxMilestonePayment(
  contract: Contract,
  milestone: Milestone,
  at = new Date(),
): Promise<CardPayment> {
  return createCardPayment({
    userId: contract.clientId,
    purpose: `milestone:${milestone.id}`,
    amountMinor: milestone.amountMinor,
    currency: contract.currency,
    provider: 'sandbox',
    at,
  })
}

/** Starting a card payment was refused (no card path here), as opposed to the provider failing. */
export type CardStart = CheckoutStart | { ok: false; refused: true; message: string }

/**
 * Opens a card payment for a milestone with the configured provider and says where the payer goes
 * next: the sandbox checkout page, or Stripe's hosted page. The sandbox only while sandbox money may move.
 */
export async function startMilestoneCardPayment(
  contract: Contract,
  milestone: Milestone,
  at: Date,
): Promise<CardStart> {
  const provider = getCardProvider()
  const sandbox = sandboxMoney()
  if (provider.name === 'sandbox' && !sandbox.available)
    return { ok: false, refused: true, message: `Card payments are not available: ${sandbox.reason}` }
  const payment = await createCardPayment({
    userId: contract.clientId,
    purpose: `milestone:${milestone.id}`,
    amountMinor: milestone.amountMinor,
    currency: contract.currency,
    provider: provider.name,
    at,
  })
  return provider.startCheckout({ payment, title: `“${milestone.title}” on “${contract.title}”`, at })
}

export function milestoneIdOfPayment(payment: CardPayment): string | null {
  return payment.purpose.startsWith('milestone:') ? payment.purpose.slice('milestone:'.length) : null
}

export type CheckoutOutcome =
  | { ok: true; funded: boolean }
  | { ok: false; field: 'number' | 'expiry' | 'cvc'; message: string }
  | { ok: false; field: null; message: string }

/**
 * Charges the sandbox card and funds the milestone: the payment, the money and the milestone change
 * in one transaction. A repeat of a paid checkout changes nothing. If the milestone was funded some
 * other way meanwhile, the paid amount goes to the client's wallet instead of vanishing. Nothing is
 * charged where sandbox money may not move (sandbox-money.server.ts).
 */
export async function payMilestoneByCard(
  payment: CardPayment,
  contract: Contract,
  card: SandboxCardInput,
  actorName: string,
  at = new Date(),
  origin: CardAttemptOrigin | null = null,
): Promise<CheckoutOutcome> {
  if (payment.status === 'succeeded') return { ok: true, funded: true }
  const sandbox = sandboxMoney()
  if (!sandbox.available) return { ok: false, field: null, message: `Test card payments are off: ${sandbox.reason}` }
  const milestoneId = milestoneIdOfPayment(payment)
  const milestone = milestoneId ? await findMilestone(contract.id, milestoneId) : undefined
  if (!milestone) return { ok: false, field: null, message: 'This payment is not for a milestone of this contract.' }
  const charge = chargeSandboxCard(card, at)
  // What reaches a processor is an attempt (a number failing its checksum never does).
  if (charge.ok || passesLuhn(digitsOnly(card.number)))
    await recordCardAttempt({
      userId: payment.userId,
      paymentId: payment.id,
      amountMinor: payment.amountMinor,
      currency: payment.currency,
      cardNumber: card.number,
      ok: charge.ok,
      declineReason: charge.ok ? null : charge.message,
      at,
      origin,
    })
  if (!charge.ok) {
    await recordCardDecline(payment.id, charge.message, at)
    return charge
  }
  const settled = settlePaidCardPayment({ payment, contract, milestone, last4: charge.last4, actorName, at })
  if (settled === 'funded') await tellFreelancerMilestoneFunded(contract, milestone)
  return { ok: true, funded: settled !== 'wallet' }
}

export type CardSettlement = 'funded' | 'wallet' | 'already_paid'

/**
 * A paid card payment (sandbox charge or Stripe's confirmation) funds its milestone: the payment,
 * the money and the milestone change in one transaction, and only the first call for a payment
 * does anything. If the milestone cannot be funded any more (funded some other way meanwhile, or
 * its contract ended before a late confirmation), the money goes to the payer's wallet in the same
 * transaction instead of vanishing or sitting in an ended contract's escrow. Synchronous so a
 * webhook can record its event alongside.
 */
export function settlePaidCardPayment(input: {
  payment: CardPayment
  contract: Contract
  milestone: Milestone
  last4: string | null
  actorName: string
  at: Date
}): CardSettlement {
  const { payment, contract, milestone, last4, actorName, at } = input
  const money = formatMoney(payment.amountMinor, payment.currency)
  const card = last4 ? `by card ending ${last4}` : 'by card through Stripe'
  return getDb().transaction(() => {
    if (!markCardPaymentSucceeded({ id: payment.id, last4, ledgerTransactionId: null, at }))
      return 'already_paid' as const
    const funding = fundingPosting(
      { contract, milestone },
      payment.amountMinor,
      { kind: 'card', paymentId: payment.id },
      at,
    )
    const funded = takeMilestoneAction('fund_by_payment', {
      milestone,
      set: { fundedAt: at },
      moved: {
        actorId: payment.userId,
        detail: `${actorName} funded “${milestone.title}” with ${money} ${card}; it is held in escrow.`,
      },
      at,
      alongside: () => linkCardPaymentToLedger(payment.id, writeLedgerTransaction(funding).transactionId),
      whileContractActive: true,
    })
    if (funded) return 'funded' as const
    const why = isContractActiveSync(contract.id)
      ? 'which was already funded'
      : 'which arrived after the contract ended'
    const deposit = writeLedgerTransaction(
      cardToWalletPosting(payment, `Card payment for “${milestone.title}”, ${why}, added to your balance`, at),
    )
    linkCardPaymentToLedger(payment.id, deposit.transactionId)
    return 'wallet' as const
  })
}

export async function findPayment(id: string) {
  return findCardPayment(id)
}

/** Approval releases the escrow: the freelancer gets the amount less the fee (false when the milestone, its contract or a dispute changed first). */
export function releaseMilestone(
  contract: Contract,
  milestone: Milestone,
  lines: Line[],
  at: Date,
  extra: Partial<Milestone> = {},
): boolean {
  const fee = feePreview(milestone.amountMinor, contract.clientId, at)
  const tax = feeTaxForPosting(contract, at)
  const money = (minor: number) => formatMoney(minor, contract.currency)
  const taxDetail = fee.tax?.taxMinor
    ? `, including ${money(fee.tax.taxMinor)} ${fee.tax.label}`
    : fee.tax?.kind === 'reverse_charge'
      ? `; ${fee.tax.label}`
      : ''
  return takeMilestoneAction(extra.autoApproved ? 'auto_approve' : 'approve', {
    milestone,
    set: { approvedAt: at, releasedAt: at, ...extra },
    ledger: [
      escrowSharesPosting(
        { contract, milestone },
        { toFreelancerMinor: milestone.amountMinor, toClientMinor: 0 },
        fee.percent,
        {
          key: `milestone:${milestone.id}:release`,
          kind: LEDGER_TRANSACTION.escrowRelease,
          description: `Released “${milestone.title}”${tax.note}`,
        },
        at,
        tax.ppm,
      ),
    ],
    lines: [
      ...lines,
      {
        actorId: null,
        kind: 'milestone.released',
        detail: `${money(milestone.amountMinor)} released from escrow: ${money(fee.netMinor)} to the freelancer, ${money(fee.feeMinor)} platform fee (${fee.percent}%)${taxDetail}.`,
      },
    ],
    at,
    // Approval (by the client or the 14-day timer) never releases money a dispute is about, nor in an ended contract.
    whileContractActive: true,
    whileUndisputed: true,
  })
}

/** Funded money nobody worked for goes back to the client's wallet (used when a contract ends). */
export function refundMilestone(contract: Contract, milestone: Milestone, line: Line, at: Date): boolean {
  return takeMilestoneAction('refund', {
    milestone,
    set: { refundedAt: at },
    ledger: [
      escrowSharesPosting(
        { contract, milestone },
        { toFreelancerMinor: 0, toClientMinor: milestone.amountMinor },
        platformFeePercent(),
        {
          key: `milestone:${milestone.id}:refund`,
          kind: LEDGER_TRANSACTION.escrowRefund,
          description: `Refunded “${milestone.title}”`,
        },
        at,
      ),
    ],
    lines: [line],
    at,
  })
}

/** Resolves a dispute decision through escrow; throws (rolling the decision back) if it cannot. */
export function resolveDisputedMilestone(input: {
  contract: Contract
  milestone: Milestone
  shares: DisputeShares
  disputeId: string
}): void {
  const { contract, milestone, shares } = input
  const at = new Date()
  const action = shares.toFreelancerMinor > 0 ? 'dispute_release' : 'dispute_refund'
  const tax = feeTaxForPosting(contract, at)
  const changed = takeMilestoneAction(action, {
    milestone,
    set: action === 'dispute_release' ? { releasedAt: at, approvedAt: at } : { refundedAt: at },
    ledger: [
      escrowSharesPosting(
        { contract, milestone },
        shares,
        platformFeePercent(),
        {
          key: `dispute:${input.disputeId}:settle`,
          kind: LEDGER_TRANSACTION.escrowDispute,
          description: `Dispute decision on “${milestone.title}”${shares.toFreelancerMinor > 0 ? tax.note : ''}`,
        },
        at,
        tax.ppm,
      ),
    ],
    lines: [],
    at,
  })
  if (!changed) throw new Error(`Milestone ${milestone.id} is no longer in escrow; the dispute cannot be settled.`)
}
