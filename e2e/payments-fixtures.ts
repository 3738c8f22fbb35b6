import crypto from 'node:crypto'
import { openE2eDatabase, userIdByEmail } from './db-fixtures'

/** A card top-up of the user's wallet at a given time, written as the ledger would write it. */
export function insertWalletTopUp(email: string, input: { amountMinor: number; currency: string; at: number; description: string }) {
  const db = openE2eDatabase()
  try {
    const userId = userIdByEmail(db, email)
    db.transaction(() => {
      const account = (kind: string, ownerId: string) => {
        const found = db.prepare('select id from ledger_accounts where kind = ? and owner_id = ? and currency = ?').get(kind, ownerId, input.currency) as { id: string } | undefined
        if (found) return found.id
        const id = crypto.randomUUID()
        db.prepare('insert into ledger_accounts (id, kind, owner_id, currency, created_at) values (?, ?, ?, ?, ?)').run(id, kind, ownerId, input.currency, input.at)
        return id
      }
      const transactionId = crypto.randomUUID()
      db.prepare('insert into ledger_transactions (id, idempotency_key, kind, description, created_at) values (?, ?, ?, ?, ?)').run(
        transactionId,
        `e2e:${transactionId}`,
        'wallet.deposit',
        input.description,
        input.at,
      )
      const entry = db.prepare('insert into ledger_entries (transaction_id, account_id, amount_minor, currency) values (?, ?, ?, ?)')
      entry.run(transactionId, account('clearing_card', 'platform'), -input.amountMinor, input.currency)
      entry.run(transactionId, account('wallet', userId), input.amountMinor, input.currency)
    })()
  } finally {
    db.close()
  }
}
