import crypto from 'node:crypto'
import { openE2eDatabase, userIdByEmail } from './db-fixtures'

/** A card top-up of the user's wallet at a given time, written as the ledger would write it. */
export function insertWalletTopUp(
  email: string,
  input: { amountMinor: number; currency: string; at: number; description: string },
) {
  const db = openE2eDatabase()
  try {
    const userId = userIdByEmail(db, email)
    db.transaction(() => {
      const account = (kind: string, ownerId: string) => {
        const found = db
          .prepare('select id from ledger_accounts where kind = ? and owner_id = ? and currency = ?')
          .get(kind, ownerId, input.currency) as { id: string } | undefined
        if (found) return found.id
        const id = crypto.randomUUID()
        db.prepare('insert into ledger_accounts (id, kind, owner_id, currency, created_at) values (?, ?, ?, ?, ?)').run(
          id,
          kind,
          ownerId,
          input.currency,
          input.at,
        )
        return id
      }
      const transactionId = crypto.randomUUID()
      db.prepare(
        'insert into ledger_transactions (id, idempotency_key, kind, description, created_at) values (?, ?, ?, ?, ?)',
      ).run(transactionId, `e2e:${transactionId}`, 'wallet.deposit', input.description, input.at)
      const entry = db.prepare(
        'insert into ledger_entries (transaction_id, account_id, amount_minor, currency) values (?, ?, ?, ?)',
      )
      entry.run(transactionId, account('clearing_card', 'platform'), -input.amountMinor, input.currency)
      entry.run(transactionId, account('wallet', userId), input.amountMinor, input.currency)
    })()
  } finally {
    db.close()
  }
}

/** Agreed fixed-price bids (accepted proposals that became contracts) on projects needing `skill`. */
export function insertAgreedBids(
  clientEmail: string,
  freelancerEmail: string,
  input: { skill: string; level: string; currency: string; amountsMinor: number[] },
) {
  const db = openE2eDatabase()
  try {
    const clientId = userIdByEmail(db, clientEmail)
    const freelancerId = userIdByEmail(db, freelancerEmail)
    const now = Date.now()
    db.transaction(() => {
      db.prepare('insert or ignore into skills (name) values (?)').run(input.skill)
      const skillId = (db.prepare('select id from skills where name = ?').get(input.skill) as { id: number }).id
      for (const amount of input.amountsMinor) {
        const [projectId, proposalId, contractId] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()]
        db.prepare(
          `insert into projects (id, client_id, title, description, budget_type, budget_min_minor, budget_max_minor, currency,
             experience_level, status, close_reason, closed_at, created_at, updated_at)
           values (?, ?, 'Agreed earlier', 'Work agreed earlier, for the price data.', 'fixed', ?, ?, ?, ?, 'closed', 'hired', ?, ?, ?)`,
        ).run(projectId, clientId, amount, amount, input.currency, input.level, now, now, now)
        db.prepare('insert into project_skills (project_id, skill_id) values (?, ?)').run(projectId, skillId)
        db.prepare(
          `insert into proposals (id, project_id, freelancer_id, cover_letter, bid_type, bid_amount_minor, currency, duration_days, status, created_at, updated_at)
           values (?, ?, ?, 'Done before.', 'fixed', ?, ?, 10, 'accepted', ?, ?)`,
        ).run(proposalId, projectId, freelancerId, amount, input.currency, now, now)
        db.prepare(
          `insert into contracts (id, project_id, proposal_id, client_id, freelancer_id, title, type, currency, status, created_at, updated_at)
           values (?, ?, ?, ?, ?, 'Agreed earlier', 'fixed', ?, 'ended', ?, ?)`,
        ).run(contractId, projectId, proposalId, clientId, freelancerId, input.currency, now, now)
      }
    })()
  } finally {
    db.close()
  }
}
