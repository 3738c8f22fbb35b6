import crypto from 'node:crypto'
import { openE2eDatabase, userIdByEmail } from './db-fixtures'

/**
 * Gives a user a wallet balance (as if a milestone had been released to them) and a crypto payout
 * method, written the way the server writes them: one balanced ledger transaction.
 */
export function giveWalletAndCryptoMethod(email: string, amountMinor: number, address: string) {
  const db = openE2eDatabase()
  try {
    const userId = userIdByEmail(db, email)
    const now = Date.now()
    db.transaction(() => {
      const account = (kind: string, ownerId: string) => {
        const found = db
          .prepare('select id from ledger_accounts where kind = ? and owner_id = ? and currency = ?')
          .get(kind, ownerId, 'USD') as { id: string } | undefined
        if (found) return found.id
        const id = crypto.randomUUID()
        db.prepare('insert into ledger_accounts (id, kind, owner_id, currency, created_at) values (?, ?, ?, ?, ?)').run(
          id,
          kind,
          ownerId,
          'USD',
          now,
        )
        return id
      }
      const transactionId = crypto.randomUUID()
      db.prepare(
        'insert into ledger_transactions (id, idempotency_key, kind, description, created_at) values (?, ?, ?, ?, ?)',
      ).run(transactionId, `e2e-credit:${transactionId}`, 'escrow.release', 'Released “Design”', now)
      const entry = db.prepare(
        'insert into ledger_entries (transaction_id, account_id, amount_minor, currency) values (?, ?, ?, ?)',
      )
      entry.run(transactionId, account('clearing_card', 'platform'), -amountMinor, 'USD')
      entry.run(transactionId, account('wallet', userId), amountMinor, 'USD')
      db.prepare(
        `insert into payout_methods (id, user_id, rail, status, provider, asset, network, address, instant_available, created_at, updated_at)
         values (?, ?, 'crypto', 'active', 'sandbox', 'USDC', 'ethereum', ?, 1, ?, ?)`,
      ).run(crypto.randomUUID(), userId, address, now, now)
    })()
  } finally {
    db.close()
  }
}
