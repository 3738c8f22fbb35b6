import { sql, type SQL } from 'drizzle-orm'
import { getDb } from './db.server'
import { analyticsDaily } from './schema'
import { NO_FACTS, type DayFacts } from '~/domain/analytics-facts'
import { LEDGER_TRANSACTION } from '~/domain/enums'

/** A stretch of time to count facts in: [start, end) in ms. */
export type Window = { start: number; end: number }

/** The windows as a table w(k, s, e) to join the facts against by time. */
export function windowsTable(windows: readonly Window[]): SQL {
  const rows = windows.map((w, k) => sql`(${k}, ${w.start}, ${w.end})`)
  return sql`w(k, s, e) as (values ${sql.join(rows, sql`, `)})`
}

/** Money paid for delivered work moves in these transactions: fee, its tax and the freelancer's share. */
const PAID_FOR_WORK = sql`${[LEDGER_TRANSACTION.escrowRelease, LEDGER_TRANSACTION.escrowDispute, LEDGER_TRANSACTION.hourlyCharge]}`

/** Every fact for each window, straight from the ledger and the fact tables. */
export async function countFactsInWindows(windows: readonly Window[], currency: string): Promise<DayFacts[]> {
  const facts: DayFacts[] = windows.map(() => ({ ...NO_FACTS }))
  if (!windows.length) return facts
  const db = getDb()
  const w = windowsTable(windows)
  const merge = (rows: ({ k: number } & Partial<DayFacts>)[]) => {
    for (const { k, ...row } of rows) Object.assign(facts[k]!, row)
  }
  merge(
    db.all(sql`with ${w}
      select w.k as k, count(distinct lt.id) as transactions,
        coalesce(sum(case when la.kind = 'platform_revenue' and le.currency = ${currency} then le.amount_minor end), 0) as revenueMinor,
        coalesce(sum(case when la.kind = 'escrow' and le.currency = ${currency} then le.amount_minor end), 0) as escrowNetMinor,
        coalesce(sum(case when lt.kind in ${PAID_FOR_WORK} and le.currency = ${currency} and le.amount_minor > 0
          and (la.kind in ('platform_revenue', 'tax_payable') or (la.kind = 'wallet' and la.owner_id = c.freelancer_id))
          then le.amount_minor end), 0) as grossMinor
      from w join ledger_transactions lt on lt.created_at >= w.s and lt.created_at < w.e
      join ledger_entries le on le.transaction_id = lt.id
      join ledger_accounts la on la.id = le.account_id
      left join contracts c on c.id = lt.contract_id
      group by w.k`),
  )
  merge(
    db.all(sql`with ${w}
      select w.k as k, count(*) as newProjects, coalesce(sum(p.currency = ${currency}), 0) as pricedProjects,
        coalesce(sum(case when p.currency = ${currency} then (p.budget_min_minor + p.budget_max_minor) / 2 end), 0) as projectBudgetMinor
      from w join projects p on p.created_at >= w.s and p.created_at < w.e group by w.k`),
  )
  merge(
    db.all(sql`with ${w}
      select w.k as k, coalesce(sum(u.role = 'client'), 0) as newClients, coalesce(sum(u.role = 'freelancer'), 0) as newFreelancers
      from w join users u on u.created_at >= w.s and u.created_at < w.e group by w.k`),
  )
  merge(
    db.all(sql`with ${w}
      select w.k as k, count(*) as milestonesReleased
      from w join milestones m on m.released_at >= w.s and m.released_at < w.e group by w.k`),
  )
  merge(
    db.all(sql`with ${w}
      select w.k as k, count(*) as milestonesRefunded
      from w join milestones m on m.refunded_at >= w.s and m.refunded_at < w.e group by w.k`),
  )
  return facts
}

export type RollupRow = typeof analyticsDaily.$inferSelect

export async function listRollups(
  fromDay: string,
  toDay: string,
  timeZone: string,
  currency: string,
): Promise<RollupRow[]> {
  return getDb()
    .all(sql`select day, time_zone as timeZone, currency, revenue_minor as revenueMinor, gross_minor as grossMinor,
      transactions, new_projects as newProjects, priced_projects as pricedProjects, project_budget_minor as projectBudgetMinor,
      new_clients as newClients, new_freelancers as newFreelancers, milestones_released as milestonesReleased,
      milestones_refunded as milestonesRefunded, escrow_net_minor as escrowNetMinor, computed_at as computedAt
    from analytics_daily where day >= ${fromDay} and day <= ${toDay} and time_zone = ${timeZone} and currency = ${currency}
    order by day`)
}

/** The net escrow movement of every rolled-up day before `day`: the opening balance of a range. */
export async function sumEscrowBefore(
  day: string,
  timeZone: string,
  currency: string,
): Promise<{ net: number; days: number }> {
  return (
    getDb().get<{ net: number; days: number }>(sql`select coalesce(sum(escrow_net_minor), 0) as net, count(*) as days
      from analytics_daily where day < ${day} and time_zone = ${timeZone} and currency = ${currency}`) ?? {
      net: 0,
      days: 0,
    }
  )
}

export async function lastRollupDay(timeZone: string, currency: string): Promise<string | null> {
  return (
    getDb().get<{ day: string | null }>(
      sql`select max(day) as day from analytics_daily where time_zone = ${timeZone} and currency = ${currency}`,
    )?.day ?? null
  )
}

/** When the platform's history starts: the first user, project or ledger transaction. */
export async function firstActivityAt(): Promise<number | null> {
  return (
    getDb().get<{ at: number | null }>(sql`select min(at) as at from (
      select min(created_at) as at from users union all select min(created_at) from projects
      union all select min(created_at) from ledger_transactions)`)?.at ?? null
  )
}

export async function saveRollups(rows: RollupRow[]): Promise<void> {
  if (!rows.length) return
  const db = getDb()
  db.transaction((tx) => {
    for (const row of rows) {
      tx.insert(analyticsDaily)
        .values(row)
        .onConflictDoUpdate({ target: analyticsDaily.day, set: { ...row } })
        .run()
    }
  })
}
