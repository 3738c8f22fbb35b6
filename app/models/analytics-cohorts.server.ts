/**
 * The admin figures that are not plain sums per day, counted per window straight from the source:
 * who was active, money per person, and the projects posted with where they stand now. The rollup
 * job stores these per day (analytics-rollups.server); today is counted live with the same queries.
 */
import { sql, type SQL } from 'drizzle-orm'
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

// The money queries go from the window's transactions to their entries (`cross join` keeps that
// order): left to itself, SQLite starts from every wallet and reads all its entries for each window.

/**
 * The money paid for work in each window, summed per person of one side of the contracts, over the
 * entries on `accounts` (`la`; `c` is the contract).
 */
function sumPaidForWorkInWindows(windows: readonly Window[], currency: string, person: SQL, accounts: SQL) {
  if (!windows.length) return []
  return getDb().all<WindowAmount>(sql`with ${windowsTable(windows)}
    select w.k as k, ${person} as userId, o.ordinal as ordinal, sum(le.amount_minor) as amountMinor
    from w cross join ledger_transactions lt on lt.created_at >= w.s and lt.created_at < w.e
    cross join contracts c on c.id = lt.contract_id
    cross join ledger_entries le on le.transaction_id = lt.id
    cross join ledger_accounts la on la.id = le.account_id and ${accounts}
    left join analytics_user_ordinals o on o.user_id = ${person}
    where lt.kind in ${PAID_FOR_WORK} and le.currency = ${currency} and le.amount_minor > 0
    group by w.k, ${person}`)
}

const FREELANCER_WALLET = sql.raw(`la.kind = 'wallet' and la.owner_id = c.freelancer_id`)

/** What reached each freelancer's wallet for work in each window (after the fee). */
export async function sumEarningsInWindows(windows: readonly Window[], currency: string): Promise<WindowAmount[]> {
  return sumPaidForWorkInWindows(windows, currency, sql.raw('c.freelancer_id'), FREELANCER_WALLET)
}

/** What each client paid for delivered work in each window (the freelancer's share, the fee and its tax). */
export async function sumSpendInWindows(windows: readonly Window[], currency: string): Promise<WindowAmount[]> {
  const paid = sql`(la.kind in ('platform_revenue', 'tax_payable') or (${FREELANCER_WALLET}))`
  return sumPaidForWorkInWindows(windows, currency, sql.raw('c.client_id'), paid)
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

/** The projects named, for the top table (ordered by the caller). */
export async function listProjectsForTop(projectIds: readonly string[]) {
  if (!projectIds.length) return []
  return getDb().all<{ projectId: string; title: string; budgetMaxMinor: number; clientName: string }>(sql`select
      p.id as projectId, p.title as title, p.budget_max_minor as budgetMaxMinor, u.name as clientName
    from projects p join users u on u.id = p.client_id where p.id in ${projectIds}`)
}
