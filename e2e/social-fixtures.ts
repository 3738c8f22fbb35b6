import crypto from 'node:crypto'
import { openE2eDatabase as database, userIdByEmail as userId } from './db-fixtures'

/** A fixed-price contract between two existing users that the client ended `endedDaysAgo` days ago. */
export function createEndedContract(clientEmail: string, freelancerEmail: string, endedDaysAgo = 1) {
  const db = database()
  try {
    const clientId = userId(db, clientEmail)
    const freelancerId = userId(db, freelancerEmail)
    const now = Date.now()
    const endedAt = now - endedDaysAgo * 86_400_000
    const projectId = crypto.randomUUID()
    const proposalId = crypto.randomUUID()
    const contractId = crypto.randomUUID()
    const title = `Brand refresh ${contractId.slice(0, 6)}`
    db.transaction(() => {
      db.prepare(
        `insert into projects (id, client_id, title, description, budget_type, budget_min_minor, budget_max_minor, currency,
           experience_level, status, close_reason, closed_at, created_at, updated_at)
         values (?, ?, ?, 'A new logo and colour palette.', 'fixed', 50000, 90000, 'USD', 'expert', 'closed', 'hired', ?, ?, ?)`,
      ).run(projectId, clientId, title, now, now, now)
      db.prepare(
        `insert into proposals (id, project_id, freelancer_id, cover_letter, bid_type, bid_amount_minor, currency, duration_days,
           status, created_at, updated_at)
         values (?, ?, ?, 'I have refreshed a dozen brands like yours.', 'fixed', 80000, 'USD', 14, 'accepted', ?, ?)`,
      ).run(proposalId, projectId, freelancerId, now, now)
      db.prepare(
        `insert into contracts (id, project_id, proposal_id, client_id, freelancer_id, title, type, currency, status,
           ended_at, ended_by, end_reason, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, 'fixed', 'USD', 'ended', ?, ?, 'Work delivered', ?, ?)`,
      ).run(contractId, projectId, proposalId, clientId, freelancerId, title, endedAt, clientId, endedAt, endedAt)
    })()
    return { contractId, title }
  } finally {
    db.close()
  }
}

/** In-app notifications for an existing user, the first given being the newest. */
export function addNotifications(email: string, items: Array<{ title: string; body?: string; link?: string }>) {
  const db = database()
  try {
    const id = userId(db, email)
    const now = Date.now()
    const insert = db.prepare(
      `insert into notifications (id, user_id, kind, title, body, link, read_at, created_at) values (?, ?, 'account', ?, ?, ?, null, ?)`,
    )
    db.transaction(() => {
      items.forEach((item, index) =>
        insert.run(crypto.randomUUID(), id, item.title, item.body ?? '', item.link ?? null, now - index * 1000),
      )
    })()
  } finally {
    db.close()
  }
}
