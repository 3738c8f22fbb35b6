import { sql } from 'drizzle-orm'
import { getDb } from './db.server'
import { paidEnoughSql, type PaidMinimums } from './contract-paid.server'
import { reviewStatsOf } from './reviews.server'
import { DAY_MS } from '~/domain/durations'
import type { FreelancerRecord } from '~/domain/freelancer-facts'

/** The record of a freelancer who has done nothing yet. */
export const NEWCOMER_RECORD: Readonly<FreelancerRecord> = {
  reviewCount: 0,
  averageRating: null,
  endedContracts: 0,
  paidContracts: 0,
  disputesLost: 0,
  milestonesDue: 0,
  milestonesOnTime: 0,
  lastActiveAt: null,
}

/**
 * A freelancer's record for the rank. An ended contract counts as paid (job success) once it paid
 * at least `paidMinimums` of its currency for work: the reviews' US$5, so cheap contracts set up to
 * look paid lift nothing.
 */
export async function freelancerRecordOf(
  userId: string,
  now: Date,
  paidMinimums: PaidMinimums,
): Promise<FreelancerRecord> {
  const db = getDb()
  const reviews = await reviewStatsOf(userId, now)
  const contracts = db.$client
    .prepare(
      `select count(*) as ended, sum(${paidEnoughSql('c')}) as paid
         from contracts c where c.freelancer_id = ? and c.status = 'ended'`,
    )
    .get(JSON.stringify(paidMinimums), userId) as { ended: number; paid: number | null } | undefined
  const disputes = db.get<{ lost: number | null }>(sql`
    select sum(case d.decision when 'refund' then 1.0 when 'split' then 0.5 else 0 end) as lost
    from disputes d join contracts c on c.id = d.contract_id
    where c.freelancer_id = ${userId} and d.status = 'decided'`)
  // A milestone counts once it was funded (the work could start) and is delivered or past its due day.
  const dueDayEnd = sql`(m.due_date + ${DAY_MS})`
  const milestones = db.get<{ due: number; onTime: number | null }>(sql`
    select count(*) as due,
           sum(case when m.submitted_at is not null and m.submitted_at < ${dueDayEnd} then 1 else 0 end) as onTime
    from milestones m join contracts c on c.id = m.contract_id
    where c.freelancer_id = ${userId} and m.due_date is not null and m.funded_at is not null
      and (m.submitted_at is not null or ${dueDayEnd} <= ${now.getTime()})`)
  const active = db.get<{ at: number | null }>(sql`
    select max(at) as at from (
      select updated_at as at from freelancer_profiles where user_id = ${userId}
      union all select max(created_at) from proposals where freelancer_id = ${userId}
      union all select max(created_at) from contract_activity where actor_id = ${userId}
      union all select max(updated_at) from portfolio_items where user_id = ${userId}
    )`)
  return {
    reviewCount: reviews.count,
    averageRating: reviews.average,
    endedContracts: contracts?.ended ?? 0,
    paidContracts: contracts?.paid ?? 0,
    disputesLost: disputes?.lost ?? 0,
    milestonesDue: milestones?.due ?? 0,
    milestonesOnTime: milestones?.onTime ?? 0,
    lastActiveAt: active?.at != null ? new Date(active.at) : null,
  }
}
