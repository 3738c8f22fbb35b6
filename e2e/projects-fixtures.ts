import crypto from 'node:crypto'
import { openE2eDatabase as database, userIdByEmail as userId } from './db-fixtures'

/** An open fixed-price project of an existing client (no skills). */
export function createProject(
  clientEmail: string,
  { title, visibility = 'public' }: { title: string; visibility?: 'public' | 'invite_only' },
) {
  const db = database()
  try {
    const id = crypto.randomUUID()
    const now = Date.now()
    db.prepare(
      `insert into projects (id, client_id, title, description, budget_type, budget_min_minor, budget_max_minor, currency,
         experience_level, status, visibility, created_at, updated_at)
       values (?, ?, ?, 'A project made by the e2e fixture, with enough words to read well.', 'fixed', 50000, 50000, 'USD',
         'intermediate', 'open', ?, ?, ?)`,
    ).run(id, userId(db, clientEmail), title, visibility, now, now)
    return id
  } finally {
    db.close()
  }
}

/** A submitted proposal from an existing freelancer on a project. */
export function createProposal(projectId: string, freelancerEmail: string): string {
  const db = database()
  try {
    const id = crypto.randomUUID()
    const now = Date.now()
    db.prepare(
      `insert into proposals (id, project_id, freelancer_id, cover_letter, bid_type, bid_amount_minor, currency, duration_days,
         status, created_at, updated_at)
       values (?, ?, ?, 'I have built this kind of thing before.', 'fixed', 45000, 'USD', 14, 'submitted', ?, ?)`,
    ).run(id, projectId, userId(db, freelancerEmail), now, now)
    return id
  } finally {
    db.close()
  }
}

export function proposalStatus(proposalId: string): string | undefined {
  const db = database()
  try {
    return (db.prepare('select status from proposals where id = ?').get(proposalId) as { status: string } | undefined)
      ?.status
  } finally {
    db.close()
  }
}

/** The newest notification titles of a user. */
export function notificationTitles(email: string): string[] {
  const db = database()
  try {
    const rows = db
      .prepare('select title from notifications where user_id = ? order by created_at desc limit 20')
      .all(userId(db, email)) as { title: string }[]
    return rows.map((row) => row.title)
  } finally {
    db.close()
  }
}
