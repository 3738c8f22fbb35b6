import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import { openE2eDatabase as database, userIdByEmail as userId } from './db-fixtures'

function isoDay(date: Date) {
  return date.toISOString().slice(0, 10)
}

/**
 * An active hourly contract between two existing users, with `lastWeekMinutes` already logged on
 * the Tuesday of last week (so that week can be invoiced now).
 */
export function createHourlyContract(clientEmail: string, freelancerEmail: string, lastWeekMinutes = 150) {
  const db = database()
  try {
    const clientId = userId(db, clientEmail)
    const freelancerId = userId(db, freelancerEmail)
    const now = Date.now()
    const projectId = crypto.randomUUID()
    const proposalId = crypto.randomUUID()
    const contractId = crypto.randomUUID()
    const title = `Hourly support ${contractId.slice(0, 6)}`
    db.transaction(() => {
      db.prepare(
        `insert into projects (id, client_id, title, description, budget_type, budget_min_minor, budget_max_minor, currency,
           experience_level, status, close_reason, closed_at, created_at, updated_at)
         values (?, ?, ?, 'Ongoing support for our API.', 'hourly', 3000, 5000, 'USD', 'expert', 'closed', 'hired', ?, ?, ?)`,
      ).run(projectId, clientId, title, now, now, now)
      db.prepare(
        `insert into proposals (id, project_id, freelancer_id, cover_letter, bid_type, bid_amount_minor, currency, duration_days,
           status, created_at, updated_at)
         values (?, ?, ?, 'I can help with this for as long as you need.', 'hourly', 4000, 'USD', 30, 'accepted', ?, ?)`,
      ).run(proposalId, projectId, freelancerId, now, now)
      db.prepare(
        `insert into contracts (id, project_id, proposal_id, client_id, freelancer_id, title, type, currency, hourly_rate_minor,
           weekly_limit_hours, status, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, 'hourly', 'USD', 4000, 20, 'active', ?, ?)`,
      ).run(contractId, projectId, proposalId, clientId, freelancerId, title, now, now)
      const today = new Date()
      const sinceMonday = (today.getUTCDay() + 6) % 7
      const lastTuesday = new Date(today.getTime() - (sinceMonday + 6) * 86_400_000)
      db.prepare(
        `insert into time_entries (id, contract_id, work_date, minutes, memo, created_at, updated_at)
         values (?, ?, ?, ?, 'Set up monitoring', ?, ?)`,
      ).run(crypto.randomUUID(), contractId, isoDay(lastTuesday), lastWeekMinutes, now, now)
    })()
    const monday = new Date(Date.now() - (((new Date().getUTCDay() + 6) % 7) + 7) * 86_400_000)
    return { contractId, title, lastWeekStart: isoDay(monday) }
  } finally {
    db.close()
  }
}

/** Moves the clock past the 5-day review of the contract's pending invoices (as if the client never answered). */
export function endInvoiceReview(contractId: string) {
  const db = database()
  try {
    db.prepare(`update invoices set review_due_at = ? where contract_id = ? and status = 'pending'`).run(
      Date.now() - 60_000,
      contractId,
    )
  } finally {
    db.close()
  }
}

/** Runs a scheduled job once against the e2e database, as an operator would with `npm run job -- <name>`. */
export function runScheduledJob(name: string): string {
  return execFileSync('npx', ['tsx', 'scripts/run-job.ts', name], {
    encoding: 'utf8',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_PATH: process.env.E2E_DATABASE_PATH,
      SESSION_SECRET: process.env.E2E_SESSION_SECRET,
      SANDBOX_PAYMENTS: 'true',
      LOG_LEVEL: 'warn',
    },
  })
}
