import { sql } from 'drizzle-orm'
import { getDb } from './db.server'
import { profileViews } from './schema'
import { LEDGER_TRANSACTION } from '~/domain/enums'
import { reviewVisibleSql } from './reviews.server'

const PAID_FOR_WORK = sql`${[LEDGER_TRANSACTION.escrowRelease, LEDGER_TRANSACTION.escrowDispute, LEDGER_TRANSACTION.hourlyCharge]}`

/** What reached the freelancer's wallet for work since `since` (after the fee), read from their own account. */
export async function listFreelancerEarnings(freelancerId: string, currency: string, since: number) {
  return getDb().all<{ at: number; amountMinor: number }>(sql`select lt.created_at as at, le.amount_minor as amountMinor
    from ledger_accounts la join ledger_entries le on le.account_id = la.id
    join ledger_transactions lt on lt.id = le.transaction_id
    where la.kind = 'wallet' and la.owner_id = ${freelancerId} and la.currency = ${currency}
      and lt.kind in ${PAID_FOR_WORK} and le.amount_minor > 0 and lt.created_at >= ${since}`)
}

export async function listFreelancerProposals(freelancerId: string, since: number) {
  return getDb().all<{ at: number; viewed: number; won: number }>(sql`select created_at as at,
      viewed_at is not null as viewed, status = 'accepted' as won
    from proposals where freelancer_id = ${freelancerId} and created_at >= ${since}`)
}

export async function listProfileViews(userId: string, since: number) {
  return getDb().all<{ at: number }>(
    sql`select viewed_at as at from profile_views where profile_user_id = ${userId} and viewed_at >= ${since}`,
  )
}

export async function insertProfileView(profileUserId: string, at: Date): Promise<void> {
  getDb().insert(profileViews).values({ profileUserId, viewedAt: at }).run()
}

/** The ratings others gave this user that show by now: a hidden one would give away what the double-blind rule keeps. */
export async function listRatingsReceived(userId: string, since: number, now = new Date()) {
  return getDb().all<{ at: number; rating: number }>(
    sql`select r.created_at as at, r.rating from reviews r
      where r.reviewee_id = ${userId} and r.created_at >= ${since} and ${reviewVisibleSql(now)}`,
  )
}

/** What the client paid for delivered work since `since`: released milestones and paid hourly invoices. */
export async function listClientSpend(clientId: string, currency: string, since: number) {
  return getDb().all<{ at: number; amountMinor: number }>(sql`select m.released_at as at, m.amount_minor as amountMinor
      from contracts c join milestones m on m.contract_id = c.id
      where c.client_id = ${clientId} and c.currency = ${currency} and m.status = 'released' and m.released_at >= ${since}
    union all
    select i.paid_at, coalesce(i.payable_minor, i.amount_minor) from contracts c join invoices i on i.contract_id = c.id
      where c.client_id = ${clientId} and c.currency = ${currency} and i.status = 'paid' and i.paid_at >= ${since}`)
}

/** The client's hires since `since`: when each contract started and when its project was posted. */
export async function listClientHires(clientId: string, since: number) {
  return getDb().all<{ at: number; postedAt: number }>(sql`select c.created_at as at, p.created_at as postedAt
    from contracts c join projects p on p.id = c.project_id
    where c.client_id = ${clientId} and c.created_at >= ${since}`)
}

/** Milestones the client approved since `since`, and whether each was approved by its due date. */
export async function listClientApprovals(clientId: string, since: number) {
  return getDb().all<{ at: number; onTime: number | null }>(sql`select m.approved_at as at,
      case when m.due_date is null then null else m.approved_at <= m.due_date end as onTime
    from contracts c join milestones m on m.contract_id = c.id
    where c.client_id = ${clientId} and m.approved_at >= ${since}`)
}

/**
 * The freelancer's conversations whose first message from the other side came since `since`:
 * when it came, and when the freelancer first wrote after it (null when they have not).
 */
export async function listFirstReplies(freelancerId: string, since: number) {
  return getDb().all<{ at: number; repliedAt: number | null }>(sql`select q.at, (select min(r.created_at)
      from messages r where r.conversation_id = q.id and r.sender_id = ${freelancerId} and r.created_at >= q.at) as repliedAt
    from (select c.id, (select min(m.created_at) from messages m
        where m.conversation_id = c.id and m.sender_id <> ${freelancerId}) as at
      from conversations c where c.freelancer_id = ${freelancerId}) q
    where q.at >= ${since}`)
}
