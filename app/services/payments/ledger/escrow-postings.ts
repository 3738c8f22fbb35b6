import type { LedgerLine, LedgerPosting } from '~/models/ledger.server'
import { splitInclusiveTax } from '../tax/fee-tax'
import { splitPlatformFee } from './fees'
import { LEDGER_TRANSACTION, PLATFORM_OWNER, type LedgerTransactionKind } from '~/domain/enums'

/** The platform's own accounts are owned by "platform" (kept in sync with models/ledger.server). */

export type EscrowSubject = {
  contract: { id: string; clientId: string; freelancerId: string; currency: string }
  milestone: { id: string; title: string }
}

const escrow = (subject: EscrowSubject) => ({
  kind: 'escrow' as const,
  ownerId: subject.contract.id,
  currency: subject.contract.currency,
})
const wallet = (ownerId: string, currency: string) => ({ kind: 'wallet' as const, ownerId, currency })

function lines(...candidates: LedgerLine[]): LedgerLine[] {
  return candidates.filter((line) => line.amountMinor !== 0)
}

/** Client money into the contract's escrow, from a card (through card clearing) or their wallet. */
export function fundingPosting(
  subject: EscrowSubject,
  amountMinor: number,
  source: { kind: 'card'; paymentId: string } | { kind: 'wallet' },
  at: Date,
): LedgerPosting {
  const { contract, milestone } = subject
  const from =
    source.kind === 'card'
      ? { kind: 'clearing_card' as const, ownerId: PLATFORM_OWNER, currency: contract.currency }
      : wallet(contract.clientId, contract.currency)
  return {
    idempotencyKey: `milestone:${milestone.id}:fund`,
    kind: LEDGER_TRANSACTION.escrowFund,
    description: `Funded “${milestone.title}” ${source.kind === 'card' ? 'by card' : 'from the wallet balance'}`,
    contractId: contract.id,
    milestoneId: milestone.id,
    lines: [
      { account: from, amountMinor: -amountMinor },
      { account: escrow(subject), amountMinor },
    ],
    at,
  }
}

/** A card payment that arrived after its milestone was already funded, or its contract ended, goes to the payer's wallet. */
export function cardToWalletPosting(
  payment: { id: string; userId: string; amountMinor: number; currency: string },
  reason: string,
  at: Date,
): LedgerPosting {
  return {
    idempotencyKey: `payment:${payment.id}:wallet`,
    kind: LEDGER_TRANSACTION.walletDeposit,
    description: reason,
    lines: [
      {
        account: { kind: 'clearing_card', ownerId: PLATFORM_OWNER, currency: payment.currency },
        amountMinor: -payment.amountMinor,
      },
      { account: wallet(payment.userId, payment.currency), amountMinor: payment.amountMinor },
    ],
    at,
  }
}

/**
 * Escrow out: the freelancer's part less the platform fee to their wallet, the fee to platform
 * revenue, the client's part back to their wallet. Release, refund and split are all this.
 * The fee includes the client's VAT/GST at `feeTaxPpm` (0: none), which goes to tax payable.
 */
export function escrowSharesPosting(
  subject: EscrowSubject,
  parts: { toFreelancerMinor: number; toClientMinor: number },
  feePercent: number,
  meta: { key: string; kind: LedgerTransactionKind; description: string },
  at: Date,
  feeTaxPpm = 0,
): LedgerPosting {
  const { contract, milestone } = subject
  const fee = splitPlatformFee(parts.toFreelancerMinor, feePercent)
  const feeTax = splitInclusiveTax(fee.feeMinor, feeTaxPpm)
  return {
    idempotencyKey: meta.key,
    kind: meta.kind,
    description: meta.description,
    contractId: contract.id,
    milestoneId: milestone.id,
    lines: lines(
      { account: escrow(subject), amountMinor: -(parts.toFreelancerMinor + parts.toClientMinor) },
      { account: wallet(contract.freelancerId, contract.currency), amountMinor: fee.netMinor },
      {
        account: { kind: 'platform_revenue', ownerId: PLATFORM_OWNER, currency: contract.currency },
        amountMinor: feeTax.revenueMinor,
      },
      {
        account: { kind: 'tax_payable', ownerId: PLATFORM_OWNER, currency: contract.currency },
        amountMinor: feeTax.taxMinor,
      },
      { account: wallet(contract.clientId, contract.currency), amountMinor: parts.toClientMinor },
    ),
    at,
  }
}
