import crypto from 'node:crypto'
import { openE2eDatabase as database, userIdByEmail as userId } from './db-fixtures'

/** An open project of the client with a submitted proposal from the freelancer. */
export function createProposal(clientEmail: string, freelancerEmail: string) {
  const db = database()
  try {
    const clientId = userId(db, clientEmail)
    const freelancerId = userId(db, freelancerEmail)
    const now = Date.now()
    const projectId = crypto.randomUUID()
    const proposalId = crypto.randomUUID()
    const title = `Landing page redesign ${proposalId.slice(0, 6)}`
    db.transaction(() => {
      db.prepare(
        `insert into projects (id, client_id, title, description, budget_type, budget_min_minor, budget_max_minor, currency,
           experience_level, status, created_at, updated_at)
         values (?, ?, ?, 'A fresh landing page for our product.', 'fixed', 80000, 80000, 'USD', 'intermediate', 'open', ?, ?)`,
      ).run(projectId, clientId, title, now, now)
      db.prepare(
        `insert into proposals (id, project_id, freelancer_id, cover_letter, bid_type, bid_amount_minor, currency, duration_days,
           status, created_at, updated_at)
         values (?, ?, ?, 'I have redesigned many landing pages and would love to do yours.', 'fixed', 75000, 'USD', 14, 'submitted', ?, ?)`,
      ).run(proposalId, projectId, freelancerId, now, now)
    })()
    return { projectId, proposalId, title }
  } finally {
    db.close()
  }
}
