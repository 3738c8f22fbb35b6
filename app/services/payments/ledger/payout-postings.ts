import type { LedgerPosting } from '~/models/ledger.server'
import { LEDGER_TRANSACTION, PLATFORM_OWNER } from '~/domain/enums'

/** The platform's own accounts are owned by "platform" (kept in sync with models/ledger.server). */

type PayoutRail = 'bank' | 'crypto'

export type PayoutSubject = {
  id: string
  userId: string
  amountMinor: number
  feeMinor: number
  currency: string
  rail: PayoutRail
}

const clearing = (rail: PayoutRail, currency: string) => ({
  kind: rail === 'bank' ? ('clearing_bank' as const) : ('clearing_crypto' as const),
  ownerId: PLATFORM_OWNER,
  currency,
})

/**
 * A payout leaves the wallet when it is requested (so the same balance cannot be paid out twice):
 * the amount less the payout fee goes to the rail's clearing account, the fee to platform revenue.
 */
export function payoutPosting(payout: PayoutSubject, at: Date): LedgerPosting {
  const lines = [
    {
      account: { kind: 'wallet' as const, ownerId: payout.userId, currency: payout.currency },
      amountMinor: -payout.amountMinor,
    },
    { account: clearing(payout.rail, payout.currency), amountMinor: payout.amountMinor - payout.feeMinor },
    {
      account: { kind: 'platform_revenue' as const, ownerId: PLATFORM_OWNER, currency: payout.currency },
      amountMinor: payout.feeMinor,
    },
  ].filter((line) => line.amountMinor !== 0)
  return {
    idempotencyKey: `payout:${payout.id}:request`,
    kind: LEDGER_TRANSACTION.payout,
    description: `Payout to your ${payout.rail === 'bank' ? 'bank account' : 'crypto wallet'}`,
    lines,
    at,
  }
}

/** A payout that is cancelled or fails before it leaves goes back to the wallet whole, fee included. */
export function payoutReversalPosting(payout: PayoutSubject, reason: string, at: Date): LedgerPosting {
  const lines = [
    { account: clearing(payout.rail, payout.currency), amountMinor: -(payout.amountMinor - payout.feeMinor) },
    {
      account: { kind: 'platform_revenue' as const, ownerId: PLATFORM_OWNER, currency: payout.currency },
      amountMinor: -payout.feeMinor,
    },
    {
      account: { kind: 'wallet' as const, ownerId: payout.userId, currency: payout.currency },
      amountMinor: payout.amountMinor,
    },
  ].filter((line) => line.amountMinor !== 0)
  return {
    idempotencyKey: `payout:${payout.id}:reverse`,
    kind: LEDGER_TRANSACTION.payoutReversed,
    description: `Payout returned to your wallet: ${reason}`,
    lines,
    at,
  }
}
