import './app-env'
import { PLATFORM_OWNER, writeLedgerTransaction } from '~/models/ledger.server'
import { insertPayoutMethod } from '~/models/payouts.server'
import { userIdByEmail } from './db-fixtures'

/**
 * Gives a user a wallet balance (as if a milestone had been released to them) and a crypto payout
 * method, written by the app's own ledger writer and payout model.
 */
export async function giveWalletAndCryptoMethod(email: string, amountMinor: number, address: string) {
  const userId = await userIdByEmail(email)
  writeLedgerTransaction({
    idempotencyKey: `e2e-credit:${crypto.randomUUID()}`,
    kind: 'escrow.release',
    description: 'Released “Design”',
    lines: [
      { account: { kind: 'clearing_card', ownerId: PLATFORM_OWNER, currency: 'USD' }, amountMinor: -amountMinor },
      { account: { kind: 'wallet', ownerId: userId, currency: 'USD' }, amountMinor },
    ],
    at: new Date(),
  })
  await insertPayoutMethod({
    userId,
    rail: 'crypto',
    status: 'active',
    provider: 'sandbox',
    asset: 'USDC',
    network: 'ethereum',
    address,
    instantAvailable: true,
  })
}
