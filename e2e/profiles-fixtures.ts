import crypto from 'node:crypto'
import type Database from 'better-sqlite3'
import { openE2eDatabase as database, userIdByEmail as userId } from './db-fixtures'

const DAY = 86_400_000

/** An ended fixed-price contract with one milestone, released (paid) or not. */
function endedContract(db: Database.Database, clientId: string, freelancerId: string, title: string, paid: boolean) {
  const now = Date.now()
  const projectId = crypto.randomUUID()
  const proposalId = crypto.randomUUID()
  const contractId = crypto.randomUUID()
  db.prepare(
    `insert into projects (id, client_id, title, description, budget_type, budget_min_minor, budget_max_minor, currency,
       experience_level, status, close_reason, closed_at, created_at, updated_at)
     values (?, ?, ?, 'A landing page for our shop.', 'fixed', 50000, 50000, 'USD', 'intermediate', 'closed', 'hired', ?, ?, ?)`,
  ).run(projectId, clientId, title, now - 20 * DAY, now - 30 * DAY, now - 20 * DAY)
  db.prepare(
    `insert into proposals (id, project_id, freelancer_id, cover_letter, bid_type, bid_amount_minor, currency, duration_days,
       status, created_at, updated_at)
     values (?, ?, ?, 'I have built many shop pages.', 'fixed', 50000, 'USD', 10, 'accepted', ?, ?)`,
  ).run(proposalId, projectId, freelancerId, now - 25 * DAY, now - 20 * DAY)
  db.prepare(
    `insert into contracts (id, project_id, proposal_id, client_id, freelancer_id, title, type, currency, status, ended_at,
       ended_by, end_reason, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, 'fixed', 'USD', 'ended', ?, ?, 'Work complete', ?, ?)`,
  ).run(
    contractId,
    projectId,
    proposalId,
    clientId,
    freelancerId,
    title,
    now - 2 * DAY,
    clientId,
    now - 20 * DAY,
    now - 2 * DAY,
  )
  // Due ten days ago, delivered twelve days ago: on time.
  db.prepare(
    `insert into milestones (id, contract_id, position, title, amount_minor, due_date, status, funded_at, submitted_at,
       approved_at, released_at, refunded_at, created_at, updated_at)
     values (?, ?, 0, 'Whole page', 50000, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    crypto.randomUUID(),
    contractId,
    now - 10 * DAY,
    paid ? 'released' : 'refunded',
    now - 19 * DAY,
    now - 12 * DAY,
    paid ? now - 11 * DAY : null,
    paid ? now - 11 * DAY : null,
    paid ? null : now - 3 * DAY,
    now - 20 * DAY,
    now - 3 * DAY,
  )
  return contractId
}

function review(
  db: Database.Database,
  contractId: string,
  reviewerId: string,
  revieweeId: string,
  direction: string,
  rating: number,
  comment: string,
) {
  db.prepare(
    `insert into reviews (id, contract_id, reviewer_id, reviewee_id, direction, rating, sub_ratings, comment, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    crypto.randomUUID(),
    contractId,
    reviewerId,
    revieweeId,
    direction,
    rating,
    JSON.stringify({ quality: rating, communication: rating }),
    comment,
    Date.now() - DAY,
  )
}

/**
 * Two ended contracts between a client and a freelancer. The first was paid and both sides
 * reviewed it (so its reviews show); the second was refunded and only the client reviewed it, two
 * days ago (so that review is still hidden by the double-blind rule).
 */
export function createReviewedHistory(clientEmail: string, freelancerEmail: string) {
  const db = database()
  try {
    const clientId = userId(db, clientEmail)
    const freelancerId = userId(db, freelancerEmail)
    const suffix = crypto.randomUUID().slice(0, 6)
    const visibleComment = `Delivered early and explained every step ${suffix}.`
    const hiddenComment = `This review must stay hidden ${suffix}.`
    db.transaction(() => {
      const paid = endedContract(db, clientId, freelancerId, `Shop landing page ${suffix}`, true)
      review(db, paid, clientId, freelancerId, 'client_to_freelancer', 5, visibleComment)
      review(db, paid, freelancerId, clientId, 'freelancer_to_client', 4, `Clear brief and quick payment ${suffix}.`)
      const refunded = endedContract(db, clientId, freelancerId, `Shop checkout ${suffix}`, false)
      review(db, refunded, clientId, freelancerId, 'client_to_freelancer', 1, hiddenComment)
    })()
    return { freelancerId, clientId, visibleComment, hiddenComment }
  } finally {
    db.close()
  }
}
