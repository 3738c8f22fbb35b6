/**
 * The admin figures that are not plain sums per day, counted per window straight from the source:
 * who was active, money per person, and the projects posted with where they stand now. The rollup
 * job stores these per day (analytics-rollups.server); today is counted live with the same queries.
 */
import { sql } from 'drizzle-orm'
import { getDb } from './db.server'
import { NO_POSTINGS, type PostingCounts } from '~/domain/analytics-facts'
import { LEDGER_TRANSACTION } from '~/domain/enums'
import { windowsTable, type Window } from './analytics.server'

const PAID_FOR_WORK = sql`${[LEDGER_TRANSACTION.escrowRelease, LEDGER_TRANSACTION.escrowDispute, LEDGER_TRANSACTION.hourlyCharge]}`

/** A person in window k, with their analytics ordinal when they have one yet. */
export type WindowPerson = { k: number; userId: string; ordinal: number | null }

/**
 * People who did something in each window: posted a project, sent a proposal, or acted on a
 * contract (funded, submitted, approved, messaged through the contract's activity).
 */
export async function listActiveUsersInWindows(windows: readonly Window[]): Promise<WindowPerson[]> {
  if (!windows.length) return []
  return getDb().all<WindowPerson>(sql`with ${windowsTable(windows)}
    select a.k as k, a.user_id as userId, o.ordinal as ordinal from (
      select w.k, p.client_id as user_id from w join projects p on p.created_at >= w.s and p.created_at < w.e
      union select w.k, pr.freelancer_id from w join proposals pr on pr.created_at >= w.s and pr.created_at < w.e
      union select w.k, ca.actor_id from w join contract_activity ca on ca.created_at >= w.s and ca.created_at < w.e
        where ca.actor_id is not null) a
    left join analytics_user_ordinals o on o.user_id = a.user_id`)
}

export type WindowAmount = WindowPerson & { amountMinor: number }

// The money query goes from the window's transactions to their entries (`cross join` keeps that
// order): left to itself, SQLite starts from every wallet and reads all its entries for each window.

/**
 * Money paid for delivered work in each window, per person, in one pass over the window's
 * entries: what reached each freelancer's wallet (after the fee), and what each client paid for it
 * (the freelancer's share, the fee and its tax). A person appears in a list only with some of it.
 */
export async function sumPaidForWorkInWindows(
  windows: readonly Window[],
  currency: string,
): Promise<{ earnings: WindowAmount[]; spend: WindowAmount[] }> {
  if (!windows.length) return { earnings: [], spend: [] }
  // Per window and contract: the sums for the contract's freelancer and for its client.
  const rows = getDb().all<{
    k: number
    freelancerId: string
    freelancerOrdinal: number | null
    earnedMinor: number
    clientId: string
    clientOrdinal: number | null
    spentMinor: number
  }>(sql`with ${windowsTable(windows)}
    select w.k as k, c.freelancer_id as freelancerId, fo.ordinal as freelancerOrdinal,
      sum(case when la.kind = 'wallet' and la.owner_id = c.freelancer_id then le.amount_minor else 0 end) as earnedMinor,
      c.client_id as clientId, co.ordinal as clientOrdinal,
      sum(case when la.kind in ('platform_revenue', 'tax_payable') or (la.kind = 'wallet' and la.owner_id = c.freelancer_id)
        then le.amount_minor else 0 end) as spentMinor
    from w cross join ledger_transactions lt on lt.created_at >= w.s and lt.created_at < w.e
    cross join contracts c on c.id = lt.contract_id
    cross join ledger_entries le on le.transaction_id = lt.id
    cross join ledger_accounts la on la.id = le.account_id
    left join analytics_user_ordinals fo on fo.user_id = c.freelancer_id
    left join analytics_user_ordinals co on co.user_id = c.client_id
    where lt.kind in ${PAID_FOR_WORK} and le.currency = ${currency} and le.amount_minor > 0
    group by w.k, c.id`)
  // Only positive entries are summed, so a sum above 0 means the person had some.
  const byPerson = (pick: (row: (typeof rows)[number]) => WindowAmount) => {
    const sums = new Map<string, WindowAmount>()
    for (const row of rows) {
      const part = pick(row)
      if (part.amountMinor <= 0) continue
      const key = `${part.k}:${part.userId}`
      const sum = sums.get(key)
      if (sum) sum.amountMinor += part.amountMinor
      else sums.set(key, part)
    }
    return [...sums.values()]
  }
  return {
    earnings: byPerson((r) => ({
      k: r.k,
      userId: r.freelancerId,
      ordinal: r.freelancerOrdinal,
      amountMinor: r.earnedMinor,
    })),
    spend: byPerson((r) => ({ k: r.k, userId: r.clientId, ordinal: r.clientOrdinal, amountMinor: r.spentMinor })),
  }
}

/** Projects posted in each window: by status now, and how far they got (proposal, hire, completed). */
export async function countPostingsInWindows(windows: readonly Window[]): Promise<PostingCounts[]> {
  const counts = windows.map(() => ({ ...NO_POSTINGS }))
  if (!windows.length) return counts
  const rows = getDb().all<PostingCounts & { k: number }>(sql`with ${windowsTable(windows)}
    select w.k as k, count(*) as posted, coalesce(sum(p.status = 'open'), 0) as open,
      coalesce(sum(p.status = 'closed' and p.close_reason = 'hired'), 0) as closedHired,
      coalesce(sum(p.status = 'closed' and coalesce(p.close_reason, '') <> 'hired'), 0) as closedNoHire,
      coalesce(sum(exists(select 1 from proposals pr where pr.project_id = p.id)), 0) as proposed,
      coalesce(sum(exists(select 1 from contracts c where c.project_id = p.id)), 0) as hired,
      coalesce(sum(exists(select 1 from contracts c where c.project_id = p.id and c.status = 'ended'
        and exists(select 1 from milestones m where m.contract_id = c.id and m.status = 'released'))), 0) as completed
    from w join projects p on p.created_at >= w.s and p.created_at < w.e group by w.k`)
  for (const { k, ...row } of rows) counts[k] = row
  return counts
}

/** Projects posted in each window per skill they ask for. */
export async function countSkillsInWindows(windows: readonly Window[]) {
  if (!windows.length) return []
  return getDb().all<{ k: number; skill: string; projects: number }>(sql`with ${windowsTable(windows)}
    select w.k as k, s.name as skill, count(*) as projects
    from w join projects p on p.created_at >= w.s and p.created_at < w.e
    join project_skills ps on ps.project_id = p.id join skills s on s.id = ps.skill_id group by w.k, s.name`)
}

/** The ids of each window's `limit` largest budgets (their upper bound) in the currency. */
export async function listTopProjectIdsInWindows(windows: readonly Window[], currency: string, limit: number) {
  if (!windows.length) return []
  return getDb().all<{ k: number; projectId: string }>(sql`with ${windowsTable(windows)}
    select k, id as projectId from (
      select w.k as k, p.id as id,
        row_number() over (partition by w.k order by p.budget_max_minor desc, p.title) as place
      from w join projects p on p.created_at >= w.s and p.created_at < w.e where p.currency = ${currency})
    where place <= ${limit}`)
}

/**
 * The `limit` projects with the largest budgets (their upper bound; then by title) among those
 * named, with their client, largest first. The ids go as one JSON parameter: a year names 1,825.
 */
export async function listTopProjects(projectIds: readonly string[], limit: number) {
  if (!projectIds.length) return []
  return getDb().all<{ projectId: string; title: string; budgetMaxMinor: number; clientName: string }>(sql`select
      p.id as projectId, p.title as title, p.budget_max_minor as budgetMaxMinor, u.name as clientName
    from (select id, title, budget_max_minor, client_id from projects
          where id in (select value from json_each(${JSON.stringify(projectIds)}))
          order by budget_max_minor desc, title limit ${limit}) p
    join users u on u.id = p.client_id
    order by p.budget_max_minor desc, p.title`)
}
