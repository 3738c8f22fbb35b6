import { sql } from 'drizzle-orm'
import { getDb } from './db.server'

const DAY_MS = 86_400_000

export type ChurnFactsRow = {
  userId: string
  name: string
  email: string
  role: 'client' | 'freelancer'
  recent: number
  earlier: number
  lastAt: number
  /** Actions in the `horizonDays` after the cut-off: the label (0 = left). */
  after: number
  unanswered: number
  decided: number
  won: number
  unpaid: number
  disputes: number
}

/**
 * Every unblocked client and freelancer who did something in the 90 days up to `cutoff`, with what
 * they did as of then, and how much they did in the `horizonDays` after it. Activity: projects
 * posted, proposals sent, messages sent and actions on contracts.
 */
export async function listChurnFacts(cutoff: number, horizonDays: number): Promise<ChurnFactsRow[]> {
  const from = cutoff - 90 * DAY_MS
  const half = cutoff - 45 * DAY_MS
  const to = cutoff + horizonDays * DAY_MS
  const long = cutoff - 180 * DAY_MS
  const stale = cutoff - 14 * DAY_MS
  return getDb().all<ChurnFactsRow>(sql`with ev(user_id, at) as (
      select client_id, created_at from projects where created_at > ${from} and created_at <= ${to}
      union all select freelancer_id, created_at from proposals where created_at > ${from} and created_at <= ${to}
      union all select sender_id, created_at from messages where created_at > ${from} and created_at <= ${to}
      union all select actor_id, created_at from contract_activity
        where actor_id is not null and created_at > ${from} and created_at <= ${to}
    ),
    active as (
      select user_id, sum(at > ${half} and at <= ${cutoff}) as recent, sum(at <= ${half}) as earlier,
        max(case when at <= ${cutoff} then at end) as lastAt, sum(at > ${cutoff}) as after
      from ev group by user_id having lastAt is not null
    ),
    proposing as (
      select freelancer_id as user_id,
        sum(created_at <= ${stale} and ((decided_at is null and status = 'submitted') or decided_at > ${cutoff})) as unanswered,
        sum(decided_at > ${long} and decided_at <= ${cutoff}) as decided,
        sum(decided_at > ${long} and decided_at <= ${cutoff} and status = 'accepted') as won
      from proposals where created_at > ${long} and created_at <= ${cutoff} group by freelancer_id
    ),
    party(contract_id, user_id) as (
      select id, client_id from contracts union all select id, freelancer_id from contracts
    ),
    unpaid as (
      select p.user_id, count(*) as unpaid from invoices i join party p on p.contract_id = i.contract_id
      where i.review_due_at > ${long} and i.review_due_at <= ${cutoff} and i.status <> 'void'
        and (i.paid_at is null or i.paid_at > ${cutoff})
      group by p.user_id
    ),
    disputed as (
      select p.user_id, count(*) as disputes from disputes d join party p on p.contract_id = d.contract_id
      where d.created_at > ${long} and d.created_at <= ${cutoff} group by p.user_id
    )
    select u.id as userId, u.name, u.email, u.role, a.recent, a.earlier, a.lastAt, a.after,
      coalesce(pr.unanswered, 0) as unanswered, coalesce(pr.decided, 0) as decided, coalesce(pr.won, 0) as won,
      coalesce(up.unpaid, 0) as unpaid, coalesce(d.disputes, 0) as disputes
    from active a join users u on u.id = a.user_id
    left join proposing pr on pr.user_id = a.user_id
    left join unpaid up on up.user_id = a.user_id
    left join disputed d on d.user_id = a.user_id
    where u.role in ('client', 'freelancer') and u.blocked_at is null
    order by u.id`)
}
