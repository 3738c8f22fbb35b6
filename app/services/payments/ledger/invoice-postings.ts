import type { LedgerLine, LedgerPosting } from '~/models/ledger.server'
import { splitInclusiveTax } from '../tax/fee-tax'
import { splitPlatformFee } from './fees'
import { LEDGER_TRANSACTION, PLATFORM_OWNER } from '~/domain/enums'

export type InvoiceChargeSplit = {
  grossMinor: number
  feeMinor: number
  feeTaxMinor: number
  revenueMinor: number
  netMinor: number
}

/** The same division as a milestone release: the fee off the gross, the client's VAT/GST inside the fee. */
export function splitInvoiceCharge(grossMinor: number, feePercent: number, feeTaxPpm: number): InvoiceChargeSplit {
  const fee = splitPlatformFee(grossMinor, feePercent)
  const tax = splitInclusiveTax(fee.feeMinor, feeTaxPpm)
  return {
    grossMinor,
    feeMinor: fee.feeMinor,
    feeTaxMinor: tax.taxMinor,
    revenueMinor: tax.revenueMinor,
    netMinor: fee.netMinor,
  }
}

/**
 * An approved weekly invoice paid: out of the client's wallet (or card clearing, for a card
 * charge), into the freelancer's wallet less the fee, the fee to platform revenue and its tax to
 * tax payable. One key per invoice, so it can never be written twice.
 */
export function invoiceChargePosting(
  subject: {
    invoiceId: string
    weekStart: string
    contract: { id: string; title: string; clientId: string; freelancerId: string; currency: string }
  },
  split: InvoiceChargeSplit,
  source: 'wallet' | 'card',
  note: string,
  at: Date,
): LedgerPosting {
  const { contract } = subject
  const currency = contract.currency
  const from =
    source === 'card'
      ? { kind: 'clearing_card' as const, ownerId: PLATFORM_OWNER, currency }
      : { kind: 'wallet' as const, ownerId: contract.clientId, currency }
  const lines: LedgerLine[] = [
    { account: from, amountMinor: -split.grossMinor },
    { account: { kind: 'wallet', ownerId: contract.freelancerId, currency }, amountMinor: split.netMinor },
    { account: { kind: 'platform_revenue', ownerId: PLATFORM_OWNER, currency }, amountMinor: split.revenueMinor },
    { account: { kind: 'tax_payable', ownerId: PLATFORM_OWNER, currency }, amountMinor: split.feeTaxMinor },
  ]
  return {
    idempotencyKey: `invoice:${subject.invoiceId}:charge`,
    kind: LEDGER_TRANSACTION.hourlyCharge,
    description: `Hourly invoice for the week of ${subject.weekStart} on “${contract.title}” ${source === 'card' ? 'by card' : 'from the wallet balance'}${note}`,
    contractId: contract.id,
    lines: lines.filter((line) => line.amountMinor !== 0),
    at,
  }
}
