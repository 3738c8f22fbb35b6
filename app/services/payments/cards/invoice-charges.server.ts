import { findContract, type Contract } from '~/models/contracts.server'
import { findInvoiceById, type Invoice } from '~/models/hourly.server'
import {
  claimInvoiceCharge,
  findSavedCard,
  recordInvoiceDeclined,
  recordInvoicePaid,
  type CardCharge,
} from '~/models/invoice-charges.server'
import { balanceOf, LedgerViolation } from '~/models/ledger.server'
import { INVOICE_MACHINE } from '~/domain/invoice-machine'
import { fromStates } from '~/domain/state-machine'
import { CHARGE_CLAIM_TIMEOUT_MS } from '~/services/marketplace/invoice-rules'
import { notify } from '~/services/notifications/notify.server'
import { getEnv } from '~/utils/env.server'
import { formatDate, formatMoney } from '~/utils/format'
import { feeTaxForPosting, platformFeePercent } from '../ledger/escrow.server'
import { invoiceChargePosting, splitInvoiceCharge, type InvoiceChargeSplit } from '../ledger/invoice-postings'
import { chargeCardOnFile } from './saved-cards.server'

/*
 * Charging an approved weekly invoice: from the client's wallet when it covers the amount,
 * otherwise their card on file; the freelancer's wallet gets it less the published fee, in one
 * balanced ledger transaction keyed `invoice:<id>:charge`. The invoice is claimed first
 * ("charging"), so however many approvals and job runs race, one of them charges.
 */

export type ChargeOutcome =
  | { kind: 'paid'; source: 'wallet' | 'card'; grossMinor: number; netMinor: number }
  /** `cardTried`: a saved card was charged and declined (else there was no card to charge). */
  | { kind: 'declined'; message: string; paused: boolean; cardTried: boolean }
  /** Nothing to do: not approved, already paid, or another caller is charging it. */
  | { kind: 'not_due' }
  /** The card provider did not answer; the claim stays and is retried with the same key later. */
  | { kind: 'interrupted' }

const BILLING_CARD_PAGE = '/settings/billing/card'

function week(invoice: Invoice): string {
  return `the week of ${formatDate(invoice.weekStart)}`
}

function hoursPage(contract: Contract): string {
  return `/contracts/${contract.id}/hours`
}

/**
 * Charges the invoice if it is due. `by: 'client'` is the client's "Pay now" after a failure;
 * otherwise the platform charges on approval or from the job.
 */
export async function chargeInvoice(
  invoiceId: string,
  now = new Date(),
  by: 'platform' | 'client' = 'platform',
): Promise<ChargeOutcome> {
  const claim = await claimInvoiceCharge({
    invoiceId,
    from: fromStates(INVOICE_MACHINE, by === 'client' ? 'pay_now' : 'start_charge'),
    staleBefore: new Date(now.getTime() - CHARGE_CLAIM_TIMEOUT_MS),
    at: now,
  })
  if (!claim) return { kind: 'not_due' }
  const invoice = await findInvoiceById(invoiceId)
  const contract = invoice ? await findContract(invoice.contractId) : undefined
  if (!invoice || !contract) return { kind: 'not_due' }
  const grossMinor = invoice.payableMinor ?? invoice.amountMinor
  const tax = feeTaxForPosting(contract, now)
  const split = splitInvoiceCharge(grossMinor, platformFeePercent(), tax.ppm)
  const pay = (source: 'wallet' | 'card', card: CardCharge | null) =>
    recordInvoicePayment({ invoice, contract, claim, split, source, card, taxNote: tax.note, now })

  const walletMinor = await balanceOf({ kind: 'wallet', ownerId: contract.clientId, currency: contract.currency })
  if (walletMinor >= grossMinor) {
    try {
      return await pay('wallet', null)
    } catch (error) {
      // Spent elsewhere between the check and the charge: the card on file is the next way.
      if (!(error instanceof LedgerViolation)) throw error
    }
  }
  const card = await findSavedCard(contract.clientId)
  const money = formatMoney(grossMinor, contract.currency)
  if (!card)
    return decline({
      invoice,
      contract,
      claim,
      now,
      attempt: null,
      reason: `Your wallet balance does not cover ${money} and no card is saved.`,
    })
  const result = await chargeCardOnFile(
    card,
    {
      amountMinor: grossMinor,
      currency: contract.currency,
      idempotencyKey: `invoice:${invoice.id}:attempt:${invoice.chargeFailures}`,
      description: `MegiLance hourly invoice: ${week(invoice)} on “${contract.title}”`,
      metadata: { invoice_id: invoice.id, purpose: `invoice:${invoice.id}` },
    },
    now,
  )
  if (result.ok) return pay('card', { provider: result.provider, providerRef: result.providerRef, last4: result.last4 })
  if (!result.declined) return { kind: 'interrupted' }
  return decline({
    invoice,
    contract,
    claim,
    now,
    reason: result.message,
    attempt: { provider: card.provider, last4: card.last4, amountMinor: grossMinor, currency: contract.currency },
  })
}

async function recordInvoicePayment(input: {
  invoice: Invoice
  contract: Contract
  claim: string
  split: InvoiceChargeSplit
  source: 'wallet' | 'card'
  card: CardCharge | null
  taxNote: string
  now: Date
}): Promise<ChargeOutcome> {
  const { invoice, contract, split, source, card, now } = input
  const money = (minor: number) => formatMoney(minor, contract.currency)
  const from = card ? `to the card ending ${card.last4}` : 'from the client’s wallet balance'
  const taxDetail = split.feeTaxMinor ? `, including ${money(split.feeTaxMinor)} tax` : ''
  const recorded = await recordInvoicePaid({
    invoiceId: invoice.id,
    contractId: contract.id,
    payerId: contract.clientId,
    claim: input.claim,
    source,
    card,
    split: { ...split, currency: contract.currency },
    posting: invoiceChargePosting(
      { invoiceId: invoice.id, weekStart: invoice.weekStart, contract },
      split,
      source,
      input.taxNote,
      now,
    ),
    line: {
      actorId: null,
      kind: 'invoice.paid',
      detail: `Invoice for ${week(invoice)} paid: ${money(split.grossMinor)} charged ${from}; ${money(split.netMinor)} to the freelancer, ${money(split.feeMinor)} platform fee (${platformFeePercent()}%)${taxDetail}.`,
    },
    at: now,
  })
  if (!recorded.paid) return { kind: 'not_due' }
  const link = hoursPage(contract)
  await notify({
    userId: contract.clientId,
    kind: 'contract_update',
    title: `Paid ${money(split.grossMinor)} for ${week(invoice)} on “${contract.title}”`,
    body: `Charged ${card ? `to your card ending ${card.last4}` : 'from your wallet balance'}.`,
    link,
  })
  await notify({
    userId: contract.freelancerId,
    kind: 'contract_update',
    title: `${money(split.netMinor)} reached your wallet for ${week(invoice)} on “${contract.title}”`,
    body: `The client paid ${money(split.grossMinor)}; the platform fee is ${money(split.feeMinor)} (${platformFeePercent()}%).`,
    link,
  })
  if (recorded.resumed) {
    for (const userId of [contract.clientId, contract.freelancerId]) {
      await notify({
        userId,
        kind: 'contract_update',
        title: `“${contract.title}” is active again`,
        body: 'Every invoice is paid, so time can be logged again.',
        link,
      })
    }
  }
  return { kind: 'paid', source, grossMinor: split.grossMinor, netMinor: split.netMinor }
}

async function decline(input: {
  invoice: Invoice
  contract: Contract
  claim: string
  reason: string
  attempt: { provider: 'sandbox' | 'stripe'; last4: string; amountMinor: number; currency: string } | null
  now: Date
}): Promise<ChargeOutcome> {
  const { invoice, contract, reason, now } = input
  const maxFailures = getEnv().HOURLY_CHARGE_MAX_FAILURES
  const pauseReason = `Payment for ${week(invoice)} failed ${maxFailures} times (${reason}). No new time can be logged until the client pays it.`
  const recorded = await recordInvoiceDeclined({
    invoiceId: invoice.id,
    contractId: contract.id,
    payerId: contract.clientId,
    claim: input.claim,
    reason,
    cardAttempt: input.attempt,
    maxFailures,
    pauseReason,
    line: {
      actorId: null,
      kind: 'invoice.payment_failed',
      detail: `Charging the invoice for ${week(invoice)} failed: ${reason}`,
    },
    at: now,
  })
  if (!recorded.recorded) return { kind: 'not_due' }
  const link = hoursPage(contract)
  const left = maxFailures - recorded.failures
  await notify({
    userId: contract.clientId,
    kind: 'contract_update',
    title: `Payment failed for ${week(invoice)} on “${contract.title}”`,
    body:
      `${reason} To fix it, save ${input.attempt ? 'another' : 'a'} card at ${BILLING_CARD_PAGE}, then press “Pay now” on the contract’s hours page. ` +
      (left > 0
        ? `Otherwise we try again on the next run; after ${left} more failed ${left === 1 ? 'try' : 'tries'} the contract pauses.`
        : 'The contract is paused until it is paid.'),
    link,
  })
  if (recorded.paused) {
    for (const userId of [contract.clientId, contract.freelancerId]) {
      await notify({ userId, kind: 'contract_update', title: `“${contract.title}” is paused`, body: pauseReason, link })
    }
  }
  return { kind: 'declined', message: reason, paused: recorded.paused, cardTried: input.attempt !== null }
}
