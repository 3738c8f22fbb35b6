import { writeLedgerTransaction } from '~/models/ledger.server'
import { LEDGER_TRANSACTION, PLATFORM_OWNER } from '~/domain/enums'
import { addSandboxBankMethod } from '~/services/payments/payouts/payout-methods.server'
import { createTestUser } from './users'

/** Puts money in a wallet as a card top-up would. */
export async function topUpWallet(userId: string, amountMinor: number, at = new Date()) {
  writeLedgerTransaction({
    idempotencyKey: `test-topup:${crypto.randomUUID()}`,
    kind: LEDGER_TRANSACTION.walletDeposit,
    description: 'Test top-up',
    lines: [
      { account: { kind: 'clearing_card', ownerId: PLATFORM_OWNER, currency: 'USD' }, amountMinor: -amountMinor },
      { account: { kind: 'wallet', ownerId: userId, currency: 'USD' }, amountMinor },
    ],
    at,
  })
}

/** A new freelancer whose wallet holds `balanceMinor`. */
export async function freelancerWithWallet(balanceMinor: number) {
  const user = await createTestUser('freelancer')
  await topUpWallet(user.id, balanceMinor)
  return user
}

/**
 * A card payment of `amountMinor` into the contract's escrow at `fundedAt`, released at `releasedAt`:
 * 90 % to the freelancer's wallet, the 10 % fee to platform revenue (no tax), written straight to the ledger.
 */
export function writeFundedRelease(
  contract: { id: string; freelancerId: string },
  amountMinor: number,
  at: { fundedAt: Date; releasedAt: Date },
) {
  const escrow = { kind: 'escrow' as const, ownerId: contract.id, currency: 'USD' }
  writeLedgerTransaction({
    idempotencyKey: `fund-${contract.id}`,
    kind: LEDGER_TRANSACTION.escrowFund,
    description: 'fund',
    contractId: contract.id,
    lines: [
      { account: { kind: 'clearing_card', ownerId: PLATFORM_OWNER, currency: 'USD' }, amountMinor: -amountMinor },
      { account: escrow, amountMinor },
    ],
    at: at.fundedAt,
  })
  writeLedgerTransaction({
    idempotencyKey: `release-${contract.id}`,
    kind: LEDGER_TRANSACTION.escrowRelease,
    description: 'release',
    contractId: contract.id,
    lines: [
      { account: escrow, amountMinor: -amountMinor },
      { account: { kind: 'wallet', ownerId: contract.freelancerId, currency: 'USD' }, amountMinor: amountMinor * 0.9 },
      {
        account: { kind: 'platform_revenue', ownerId: PLATFORM_OWNER, currency: 'USD' },
        amountMinor: amountMinor * 0.1,
      },
    ],
    at: at.releasedAt,
  })
}

/** A German bank account the sandbox accepts. */
export const TEST_BANK_ACCOUNT = { holderName: 'Farid Tester', country: 'DE', accountNumber: 'DE89370400440532013000' }

/** A new freelancer whose wallet holds `balanceMinor`, with a sandbox bank account to pay out to. */
export async function freelancerWithBank(balanceMinor: number) {
  const user = await freelancerWithWallet(balanceMinor)
  const added = await addSandboxBankMethod(user.id, TEST_BANK_ACCOUNT)
  if (!added.ok) throw new Error(added.message)
  return { user, method: added.method }
}
