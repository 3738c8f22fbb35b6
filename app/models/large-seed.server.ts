/**
 * Bulk inserts for `npm run seed:large` only: prepared statements in one transaction per batch,
 * so a hundred thousand rows take seconds. Nothing here is used by the running app.
 */
import type { ExperienceLevel } from '../domain/enums'
import { getDb } from './db.server'
import { DAY_MS } from '~/domain/durations'

export type BulkUser = {
  id: string
  email: string
  name: string
  passwordHash: string
  createdAt: number
} & (
  | { role: 'client'; company: string }
  | {
      role: 'freelancer'
      headline: string
      bio: string
      hourlyRateMinor: number
      experienceLevel: ExperienceLevel
      skillIds: number[]
    }
)

export async function insertUsersBulk(rows: BulkUser[]): Promise<void> {
  const sqlite = getDb().$client
  const user = sqlite.prepare(
    `insert into users (id, email, name, role, password_hash, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)`,
  )
  const client = sqlite.prepare(
    `insert into client_profiles (user_id, company, created_at, updated_at) values (?, ?, ?, ?)`,
  )
  const freelancer = sqlite.prepare(
    `insert into freelancer_profiles (user_id, headline, bio, hourly_rate_minor, currency, experience_level, created_at, updated_at)
     values (?, ?, ?, ?, 'USD', ?, ?, ?)`,
  )
  const skill = sqlite.prepare(`insert or ignore into freelancer_skills (user_id, skill_id) values (?, ?)`)
  // The triggers stamp a profile listed when its first skill goes in (the clock's time); a seeded
  // freelancer has been listed since they joined, so alerts do not announce the whole seed as new.
  const listedSinceJoining = sqlite.prepare(
    `update freelancer_profiles set listed_at = ? where user_id = ? and listed_at is not null`,
  )
  sqlite.transaction(() => {
    for (const row of rows) {
      user.run(row.id, row.email.toLowerCase(), row.name, row.role, row.passwordHash, row.createdAt, row.createdAt)
      if (row.role === 'client') {
        client.run(row.id, row.company, row.createdAt, row.createdAt)
      } else {
        freelancer.run(
          row.id,
          row.headline,
          row.bio,
          row.hourlyRateMinor,
          row.experienceLevel,
          row.createdAt,
          row.createdAt,
        )
        for (const skillId of row.skillIds) skill.run(row.id, skillId)
        listedSinceJoining.run(row.createdAt, row.id)
      }
    }
  })()
}

/** A finished job between a client and a freelancer, reviewed by both (so both reviews show). */
export type BulkReviewedContract = {
  projectId: string
  title: string
  clientId: string
  freelancerId: string
  amountMinor: number
  endedAt: number
  clientRating: number
  freelancerRating: number
}

export async function insertReviewedContractsBulk(rows: BulkReviewedContract[]): Promise<void> {
  const sqlite = getDb().$client
  const proposal = sqlite.prepare(
    `insert into proposals (id, project_id, freelancer_id, cover_letter, bid_type, bid_amount_minor, currency, duration_days,
       status, decided_at, created_at, updated_at)
     values (?, ?, ?, 'I can do this.', 'fixed', ?, 'USD', 14, 'accepted', ?, ?, ?)`,
  )
  const contract = sqlite.prepare(
    `insert into contracts (id, project_id, proposal_id, client_id, freelancer_id, title, type, currency, status, ended_at,
       end_reason, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, 'fixed', 'USD', 'ended', ?, 'Work delivered', ?, ?)`,
  )
  const review = sqlite.prepare(
    `insert into reviews (id, contract_id, reviewer_id, reviewee_id, direction, rating, sub_ratings, comment, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  sqlite.transaction(() => {
    for (const row of rows) {
      const proposalId = crypto.randomUUID()
      const contractId = crypto.randomUUID()
      const started = row.endedAt - 30 * DAY_MS
      proposal.run(proposalId, row.projectId, row.freelancerId, row.amountMinor, started, started, started)
      contract.run(
        contractId,
        row.projectId,
        proposalId,
        row.clientId,
        row.freelancerId,
        row.title,
        row.endedAt,
        started,
        row.endedAt,
      )
      review.run(
        crypto.randomUUID(),
        contractId,
        row.clientId,
        row.freelancerId,
        'client_to_freelancer',
        row.freelancerRating,
        JSON.stringify({ quality: row.freelancerRating, communication: row.freelancerRating }),
        'Good work, delivered as agreed.',
        row.endedAt,
      )
      review.run(
        crypto.randomUUID(),
        contractId,
        row.freelancerId,
        row.clientId,
        'freelancer_to_client',
        row.clientRating,
        JSON.stringify({ clarity: row.clientRating, payment: row.clientRating }),
        'Clear brief and quick payments.',
        row.endedAt,
      )
    }
  })()
}

/**
 * Seed-only speed settings for the bulk load that follows the demo data. Foreign keys go off: with
 * them on, each bulk project (whose skills go in first, for the search index trigger) makes SQLite
 * scan every child table of projects, and contracts has no project_id index, so the year of
 * history grew quadratically. endBulkLoad checks every key once instead.
 */
export async function beginBulkLoad(): Promise<void> {
  const sqlite = getDb().$client
  sqlite.pragma('foreign_keys = OFF')
  sqlite.pragma('synchronous = OFF')
  sqlite.pragma('cache_size = -524288')
}

/**
 * Ends the bulk load: throws unless every foreign key holds, puts the app's settings back, updates
 * the planner's statistics and folds the write-ahead log into the file (so the file alone is the
 * database).
 */
export async function endBulkLoad(): Promise<void> {
  const sqlite = getDb().$client
  const broken = sqlite.prepare('pragma foreign_key_check').all() as { table: string; parent: string }[]
  if (broken.length) {
    const tables = [...new Set(broken.map((row) => `${row.table} → ${row.parent}`))].join(', ')
    throw new Error(`${broken.length} rows break a foreign key (${tables})`)
  }
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('optimize')
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
}
