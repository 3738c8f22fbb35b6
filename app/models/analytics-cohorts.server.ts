import { sql } from 'drizzle-orm'
import { getDb } from './db.server'
import { LEDGER_TRANSACTION } from '~/domain/enums'
import type { Window } from './analytics.server'

const PAID_FOR_WORK = sql`${[LEDGER_TRANSACTION.escrowRelease, LEDGER_TRANSACTION.escrowDispute, LEDGER_TRANSACTION.hourlyCharge]}`

/** Projects posted in the window by where they stand now. */
export async function countProjectsByStatus(window: Window) {
  return (
    getDb().get<{ open: number; hired: number; noHire: number }>(sql`select coalesce(sum(status = 'open'), 0) as open,
      coalesce(sum(status = 'closed' and close_reason = 'hired'), 0) as hired,
      coalesce(sum(status = 'closed' and coalesce(close_reason, '') <> 'hired'), 0) as noHire
    from projects where created_at >= ${window.start} and created_at < ${window.end}`) ?? {
      open: 0,
      hired: 0,
      noHire: 0,
    }
  )
}

/** Projects posted in the window per skill they ask for. */
export async function countProjectsBySkill(window: Window) {
  return getDb().all<{ skill: string; projects: number }>(sql`select s.name as skill, count(*) as projects
    from projects p join project_skills ps on ps.project_id = p.id join skills s on s.id = ps.skill_id
    where p.created_at >= ${window.start} and p.created_at < ${window.end} group by s.name`)
}

/** Of the projects posted in the window: how many got a proposal, a hire, and a finished contract. */
export async function countProjectFunnel(window: Window) {
  return (
    getDb().get<{ posted: number; proposed: number; hired: number; completed: number }>(sql`select count(*) as posted,
      coalesce(sum(exists(select 1 from proposals pr where pr.project_id = p.id)), 0) as proposed,
      coalesce(sum(exists(select 1 from contracts c where c.project_id = p.id)), 0) as hired,
      coalesce(sum(exists(select 1 from contracts c where c.project_id = p.id and c.status = 'ended'
        and exists(select 1 from milestones m where m.contract_id = c.id and m.status = 'released'))), 0) as completed
    from projects p where p.created_at >= ${window.start} and p.created_at < ${window.end}`) ?? {
      posted: 0,
      proposed: 0,
      hired: 0,
      completed: 0,
    }
  )
}

/** Freelancers by what reached their wallet for work in the window (after the fee). */
export async function topFreelancersByEarnings(window: Window, currency: string, limit: number) {
  return getDb().all<{ userId: string; name: string; amountMinor: number }>(sql`select u.id as userId, u.name as name,
      sum(le.amount_minor) as amountMinor
    from ledger_transactions lt join contracts c on c.id = lt.contract_id
    join ledger_entries le on le.transaction_id = lt.id
    join ledger_accounts la on la.id = le.account_id and la.kind = 'wallet' and la.owner_id = c.freelancer_id
    join users u on u.id = c.freelancer_id
    where lt.created_at >= ${window.start} and lt.created_at < ${window.end} and lt.kind in ${PAID_FOR_WORK}
      and le.currency = ${currency} and le.amount_minor > 0
    group by u.id order by amountMinor desc, u.name limit ${limit}`)
}

/** Clients by what they paid for delivered work in the window (the freelancer's share, the fee and its tax). */
export async function topClientsBySpend(window: Window, currency: string, limit: number) {
  return getDb().all<{ userId: string; name: string; amountMinor: number }>(sql`select u.id as userId, u.name as name,
      sum(le.amount_minor) as amountMinor
    from ledger_transactions lt join contracts c on c.id = lt.contract_id
    join ledger_entries le on le.transaction_id = lt.id
    join ledger_accounts la on la.id = le.account_id
      and (la.kind in ('platform_revenue', 'tax_payable') or (la.kind = 'wallet' and la.owner_id = c.freelancer_id))
    join users u on u.id = c.client_id
    where lt.created_at >= ${window.start} and lt.created_at < ${window.end} and lt.kind in ${PAID_FOR_WORK}
      and le.currency = ${currency} and le.amount_minor > 0
    group by u.id order by amountMinor desc, u.name limit ${limit}`)
}

/** Projects posted in the window with the largest budgets (their upper bound). */
export async function topProjectsByBudget(window: Window, currency: string, limit: number) {
  return getDb().all<{ projectId: string; title: string; budgetMaxMinor: number; clientName: string }>(sql`select
      p.id as projectId, p.title as title, p.budget_max_minor as budgetMaxMinor, u.name as clientName
    from projects p join users u on u.id = p.client_id
    where p.created_at >= ${window.start} and p.created_at < ${window.end} and p.currency = ${currency}
    order by p.budget_max_minor desc, p.title limit ${limit}`)
}
