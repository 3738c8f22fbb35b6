import type { LedgerPosting } from '~/models/ledger.server'
import type { EscrowSubject } from './escrow-postings'
import { LEDGER_TRANSACTION, PLATFORM_OWNER } from '~/domain/enums'

/** The platform's own accounts are owned by "platform" (kept in sync with models/ledger.server). */

type PaidRequest = { id: string; userId: string; fiatAmountMinor: number; fiatCurrency: string; asset: string }

const clearing = (currency: string) => ({ kind: 'clearing_crypto' as const, ownerId: PLATFORM_OWNER, currency })

/**
 * A confirmed crypto payment into the contract's escrow, in the contract's fiat currency (the ledger
 * holds fiat only; the crypto side is settled through crypto clearing). Same key as every other way
 * of funding the milestone, so a milestone is funded once whatever pays for it.
 */
export function cryptoFundingPosting(subject: EscrowSubject, request: PaidRequest, at: Date): LedgerPosting {
  const { contract, milestone } = subject
  return {
    idempotencyKey: `milestone:${milestone.id}:fund`,
    kind: LEDGER_TRANSACTION.escrowFund,
    description: `Funded “${milestone.title}” with ${request.asset}`,
    contractId: contract.id,
    milestoneId: milestone.id,
    lines: [
      { account: clearing(request.fiatCurrency), amountMinor: -request.fiatAmountMinor },
      {
        account: { kind: 'escrow', ownerId: contract.id, currency: request.fiatCurrency },
        amountMinor: request.fiatAmountMinor,
      },
    ],
    at,
  }
}

/** A crypto payment whose milestone was funded meanwhile goes to the payer's wallet instead. */
export function cryptoToWalletPosting(request: PaidRequest, reason: string, at: Date): LedgerPosting {
  return {
    idempotencyKey: `crypto:${request.id}:wallet`,
    kind: LEDGER_TRANSACTION.walletDeposit,
    description: reason,
    lines: [
      { account: clearing(request.fiatCurrency), amountMinor: -request.fiatAmountMinor },
      {
        account: { kind: 'wallet', ownerId: request.userId, currency: request.fiatCurrency },
        amountMinor: request.fiatAmountMinor,
      },
    ],
    at,
  }
}
