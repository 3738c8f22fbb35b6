import crypto from 'node:crypto'
import { openE2eDatabase, userIdByEmail } from './db-fixtures'

/**
 * An active fixed-price contract between two existing users, as if the client had accepted the
 * freelancer's proposal, with the given milestones (amounts in cents) not yet funded.
 */
export function createFixedContract(
  clientEmail: string,
  freelancerEmail: string,
  milestones: { title: string; amountMinor: number }[],
) {
  const db = openE2eDatabase()
  try {
    const clientId = userIdByEmail(db, clientEmail)
    const freelancerId = userIdByEmail(db, freelancerEmail)
    const now = Date.now()
    const [projectId, proposalId, contractId] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()]
    const title = `Checkout redesign ${contractId.slice(0, 6)}`
    const total = milestones.reduce((sum, milestone) => sum + milestone.amountMinor, 0)
    db.transaction(() => {
      db.prepare(
        `insert into projects (id, client_id, title, description, budget_type, budget_min_minor, budget_max_minor, currency,
           experience_level, status, close_reason, closed_at, created_at, updated_at)
         values (?, ?, ?, 'Redesign our checkout flow.', 'fixed', ?, ?, 'USD', 'intermediate', 'closed', 'hired', ?, ?, ?)`,
      ).run(projectId, clientId, title, total, total, now, now, now)
      db.prepare(
        `insert into proposals (id, project_id, freelancer_id, cover_letter, bid_type, bid_amount_minor, currency, duration_days,
           status, created_at, updated_at)
         values (?, ?, ?, 'I have redesigned three checkouts this year.', 'fixed', ?, 'USD', 21, 'accepted', ?, ?)`,
      ).run(proposalId, projectId, freelancerId, total, now, now)
      db.prepare(
        `insert into contracts (id, project_id, proposal_id, client_id, freelancer_id, title, type, currency, status, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, 'fixed', 'USD', 'active', ?, ?)`,
      ).run(contractId, projectId, proposalId, clientId, freelancerId, title, now, now)
      milestones.forEach((milestone, index) => {
        db.prepare(
          `insert into milestones (id, contract_id, position, title, amount_minor, status, created_at, updated_at)
           values (?, ?, ?, ?, ?, 'pending', ?, ?)`,
        ).run(crypto.randomUUID(), contractId, index + 1, milestone.title, milestone.amountMinor, now, now)
      })
    })()
    return { contractId, title }
  } finally {
    db.close()
  }
}
