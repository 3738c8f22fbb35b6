import { writeLedgerTransaction } from '~/models/ledger.server'
import { LEDGER_TRANSACTION, PLATFORM_OWNER } from '~/domain/enums'
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
