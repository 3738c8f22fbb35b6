/**
 * Reads and bulk writes for the year of hiring history `npm run seed:large` plants
 * (scripts/seed/hiring-history.ts): prepared statements, one transaction per batch. Nothing here is
 * used by the running app. Ledger postings are built by the same posting functions the app uses and
 * checked to balance before they are written, as writeLedgerTransaction checks them.
 */
import type { ExperienceLevel } from '../domain/enums'
import { getDb } from './db.server'
import { checkBalanced, type AccountRef, type LedgerPosting } from './ledger.server'

export type SeedFreelancer = {
  id: string
  createdAt: number
  hourlyRateMinor: number
  experienceLevel: ExperienceLevel
  skillIds: number[]
}

/** The seed:large freelancers (not the demo accounts), with their skills. */
export async function listLargeSeedFreelancers(): Promise<SeedFreelancer[]> {
  const rows = getDb()
    .$client.prepare(
      `select u.id, u.created_at as createdAt, coalesce(f.hourly_rate_minor, 0) as hourlyRateMinor,
              f.experience_level as experienceLevel, group_concat(fs.skill_id) as skills
         from users u join freelancer_profiles f on f.user_id = u.id
         left join freelancer_skills fs on fs.user_id = u.id
        where u.role = 'freelancer' and u.email like '%@large.megilance.test'
        group by u.id order by u.email`,
    )
    .all() as (Omit<SeedFreelancer, 'skillIds'> & { skills: string | null })[]
  return rows.map(({ skills, ...row }) => ({ ...row, skillIds: skills ? skills.split(',').map(Number) : [] }))
}

/** The seed:large clients (not the demo accounts). */
export async function listLargeSeedClients(): Promise<{ id: string; createdAt: number }[]> {
  return getDb()
    .$client.prepare(
      `select id, created_at as createdAt from users
        where role = 'client' and email like '%@large.megilance.test' order by email`,
    )
    .all() as { id: string; createdAt: number }[]
}

export type SeedProposal = {
  id: string
  projectId: string
  freelancerId: string
  bidType: 'fixed' | 'hourly'
  bidAmountMinor: number
  durationDays: number
  status: 'submitted' | 'accepted' | 'not_hired'
  viewedAt: number | null
  decidedAt: number | null
  createdAt: number
}

export type SeedMilestone = {
  id: string
  position: number
  title: string
  amountMinor: number
  dueDate: number
  status: 'pending' | 'funded' | 'submitted' | 'released' | 'refunded'
  fundedAt: number | null
  submittedAt: number | null
  approvedAt: number | null
  releasedAt: number | null
  refundedAt: number | null
}

type SeedInvoice = {
  id: string
  weekStart: string
  minutes: number
  amountMinor: number
  status: 'paid' | 'payment_failed'
  reviewDueAt: number
  approvedAt: number
  paidAt: number | null
  chargeFailures: number
  feeMinor: number | null
  netMinor: number | null
  ledgerTransactionId: string | null
}

export type SeedContract = {
  id: string
  projectId: string
  proposalId: string
  clientId: string
  freelancerId: string
  title: string
  type: 'fixed' | 'hourly'
  hourlyRateMinor: number | null
  status: 'active' | 'ended'
  endedAt: number | null
  endReason: string | null
  hourlyPausedAt: number | null
  createdAt: number
  milestones: SeedMilestone[]
  invoices: SeedInvoice[]
  dispute: {
    id: string
    milestoneId: string
    openedBy: string
    amountMinor: number
    decision: 'release' | 'refund' | 'split'
    freelancerShareMinor: number
    openedAt: number
    decidedAt: number
  } | null
  reviews: { reviewerId: string; revieweeId: string; direction: string; rating: number; createdAt: number }[]
}

export async function insertProposalsBulk(rows: SeedProposal[]): Promise<void> {
  const sqlite = getDb().$client
  const insert = sqlite.prepare(
    `insert into proposals (id, project_id, freelancer_id, cover_letter, bid_type, bid_amount_minor, currency, duration_days,
       status, viewed_at, decided_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, 'USD', ?, ?, ?, ?, ?, ?)`,
  )
  sqlite.transaction(() => {
    for (const p of rows)
      insert.run(
        p.id,
        p.projectId,
        p.freelancerId,
        'I have delivered similar work and can start this week.',
        p.bidType,
        p.bidAmountMinor,
        p.durationDays,
        p.status,
        p.viewedAt,
        p.decidedAt,
        p.createdAt,
        p.decidedAt ?? p.createdAt,
      )
  })()
}

const REVIEW_SUBS: Record<string, (rating: number) => string> = {
  client_to_freelancer: (r) => JSON.stringify({ quality: r, communication: r }),
  freelancer_to_client: (r) => JSON.stringify({ clarity: r, payment: r }),
}

export async function insertContractsBulk(rows: SeedContract[]): Promise<void> {
  const sqlite = getDb().$client
  const contract = sqlite.prepare(
    `insert into contracts (id, project_id, proposal_id, client_id, freelancer_id, title, type, currency, hourly_rate_minor,
       weekly_limit_hours, hourly_paused_at, hourly_pause_reason, status, ended_at, end_reason, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, 'USD', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const milestone = sqlite.prepare(
    `insert into milestones (id, contract_id, position, title, amount_minor, due_date, status, funded_at, submitted_at,
       approved_at, released_at, refunded_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const invoice = sqlite.prepare(
    `insert into invoices (id, contract_id, week_start, minutes, amount_minor, status, review_due_at, approved_at, paid_at,
       payable_minor, charge_failures, charge_error, charged_from, fee_minor, fee_tax_minor, net_minor,
       ledger_transaction_id, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const dispute = sqlite.prepare(
    `insert into disputes (id, contract_id, milestone_id, opened_by, amount_minor, reason, status, decision,
       freelancer_share_minor, decision_reason, decided_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, 'The delivery does not match what was agreed.', 'decided', ?, ?, 'Decided on the evidence.', ?, ?, ?)`,
  )
  const review = sqlite.prepare(
    `insert into reviews (id, contract_id, reviewer_id, reviewee_id, direction, rating, sub_ratings, comment, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  sqlite.transaction(() => {
    for (const c of rows) {
      const updated = c.endedAt ?? c.createdAt
      contract.run(
        c.id,
        c.projectId,
        c.proposalId,
        c.clientId,
        c.freelancerId,
        c.title,
        c.type,
        c.hourlyRateMinor,
        c.type === 'hourly' ? 20 : null,
        c.hourlyPausedAt,
        c.hourlyPausedAt ? 'Invoices could not be charged.' : null,
        c.status,
        c.endedAt,
        c.endReason,
        c.createdAt,
        updated,
      )
      for (const m of c.milestones)
        milestone.run(
          m.id,
          c.id,
          m.position,
          m.title,
          m.amountMinor,
          m.dueDate,
          m.status,
          m.fundedAt,
          m.submittedAt,
          m.approvedAt,
          m.releasedAt,
          m.refundedAt,
          c.createdAt,
          m.releasedAt ?? m.refundedAt ?? m.submittedAt ?? m.fundedAt ?? c.createdAt,
        )
      for (const i of c.invoices)
        invoice.run(
          i.id,
          c.id,
          i.weekStart,
          i.minutes,
          i.amountMinor,
          i.status,
          i.reviewDueAt,
          i.approvedAt,
          i.paidAt,
          i.amountMinor,
          i.chargeFailures,
          i.status === 'payment_failed' ? 'Your card was declined.' : null,
          i.status === 'paid' ? 'card' : null,
          i.feeMinor,
          i.status === 'paid' ? 0 : null,
          i.netMinor,
          i.ledgerTransactionId,
          i.reviewDueAt,
          i.paidAt ?? i.approvedAt,
        )
      if (c.dispute)
        dispute.run(
          c.dispute.id,
          c.id,
          c.dispute.milestoneId,
          c.dispute.openedBy,
          c.dispute.amountMinor,
          c.dispute.decision,
          c.dispute.freelancerShareMinor,
          c.dispute.decidedAt,
          c.dispute.openedAt,
          c.dispute.decidedAt,
        )
      for (const r of c.reviews)
        review.run(
          crypto.randomUUID(),
          c.id,
          r.reviewerId,
          r.revieweeId,
          r.direction,
          r.rating,
          REVIEW_SUBS[r.direction]!(r.rating),
          r.rating >= 4 ? 'Good work, delivered as agreed.' : 'It did not go as we hoped.',
          r.createdAt,
        )
    }
  })()
}

/** Opens accounts on first use; keeps their ids for the whole seed. */
const accountIds = new Map<string, string>()

/**
 * Writes balanced postings (each one's entries sum to zero per currency, no zero entry) with the
 * transaction ids given. Returns the number of entries written.
 */
export async function insertLedgerPostingsBulk(postings: { id: string; posting: LedgerPosting }[]): Promise<number> {
  const sqlite = getDb().$client
  const openAccount = sqlite.prepare(
    `insert into ledger_accounts (id, kind, owner_id, currency, created_at) values (?, ?, ?, ?, ?)
     on conflict (kind, owner_id, currency) do nothing`,
  )
  const findAccount = sqlite.prepare(`select id from ledger_accounts where kind = ? and owner_id = ? and currency = ?`)
  const transaction = sqlite.prepare(
    `insert into ledger_transactions (id, idempotency_key, kind, description, contract_id, milestone_id, created_at)
     values (?, ?, ?, ?, ?, ?, ?)`,
  )
  const entry = sqlite.prepare(
    `insert into ledger_entries (transaction_id, account_id, amount_minor, currency) values (?, ?, ?, ?)`,
  )
  const accountOf = (ref: AccountRef, at: number): string => {
    const key = `${ref.kind}\u001f${ref.ownerId}\u001f${ref.currency}`
    let id = accountIds.get(key)
    if (!id) {
      openAccount.run(crypto.randomUUID(), ref.kind, ref.ownerId, ref.currency, at)
      id = (findAccount.get(ref.kind, ref.ownerId, ref.currency) as { id: string }).id
      accountIds.set(key, id)
    }
    return id
  }
  let entries = 0
  sqlite.transaction(() => {
    for (const { id, posting } of postings) {
      checkBalanced(posting.lines)
      const at = posting.at.getTime()
      transaction.run(
        id,
        posting.idempotencyKey,
        posting.kind,
        posting.description,
        posting.contractId ?? null,
        posting.milestoneId ?? null,
        at,
      )
      for (const line of posting.lines) {
        entry.run(id, accountOf(line.account, at), line.amountMinor, line.account.currency)
        entries++
      }
    }
  })()
  return entries
}
