import crypto from 'node:crypto'
import type Database from 'better-sqlite3'
import { openE2eDatabase as database, userIdByEmail as userId } from './db-fixtures'

function withDb<T>(work: (db: Database.Database) => T): T {
  const db = database()
  try {
    return work(db)
  } finally {
    db.close()
  }
}

/** An open, public fixed-price project ($1,000) of an existing client. */
export function createOpenProject(clientEmail: string) {
  return withDb((db) => {
    const id = crypto.randomUUID()
    const title = `Booking site ${id.slice(0, 6)}`
    const now = Date.now()
    db.prepare(
      `insert into projects (id, client_id, title, description, budget_type, budget_min_minor, budget_max_minor, currency,
         experience_level, status, visibility, created_at, updated_at)
       values (?, ?, ?, 'A site where our customers book appointments online.', 'fixed', 100000, 100000, 'USD',
         'intermediate', 'open', 'public', ?, ?)`,
    ).run(id, userId(db, clientEmail), title, now, now)
    return { projectId: id, title }
  })
}

/** A submitted fixed-price proposal by an existing freelancer, as if sent through the form. */
export function insertProposal(projectId: string, freelancerEmail: string, amountMinor: number) {
  return withDb((db) => {
    const id = crypto.randomUUID()
    const now = Date.now()
    db.prepare(
      `insert into proposals (id, project_id, freelancer_id, cover_letter, bid_type, bid_amount_minor, currency, duration_days,
         status, created_at, updated_at)
       values (?, ?, ?, 'I built a booking site for a dental practice last year and can reuse what I learned.', 'fixed', ?, 'USD', 21,
         'submitted', ?, ?)`,
    ).run(id, projectId, userId(db, freelancerEmail), amountMinor, now, now)
    return id
  })
}

/** What accepting a proposal left in the database. */
export function readHire(projectId: string, proposalId: string) {
  return withDb((db) => {
    const contract = db
      .prepare('select id, type, title, currency from contracts where proposal_id = ?')
      .get(proposalId) as { id: string; type: string; title: string; currency: string } | undefined
    const milestones = contract
      ? (db
          .prepare('select title, amount_minor as amountMinor from milestones where contract_id = ? order by position')
          .all(contract.id) as Array<{
          title: string
          amountMinor: number
        }>)
      : []
    const project = db
      .prepare('select status, close_reason as closeReason from projects where id = ?')
      .get(projectId) as {
      status: string
      closeReason: string | null
    }
    const proposals = db.prepare('select id, status from proposals where project_id = ?').all(projectId) as Array<{
      id: string
      status: string
    }>
    return { contract, milestones, project, proposals }
  })
}

/** The freelancer edits their bid (as the edit form would): new price, next revision. */
export function reviseBid(proposalId: string, amountMinor: number) {
  withDb((db) => {
    db.prepare('update proposals set bid_amount_minor = ?, revision = revision + 1, updated_at = ? where id = ?').run(
      amountMinor,
      Date.now(),
      proposalId,
    )
  })
}
