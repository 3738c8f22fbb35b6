import { sql } from 'drizzle-orm'
import { RUNNING_DISPUTE_STATES } from '~/domain/dispute-machine'
import { ESCROWED_MILESTONE_STATES } from '~/domain/milestone-machine'
import { getDb } from './db.server'
import { preparedStatement } from './prepared-query.server'
import { LEDGER_TRANSACTION } from '~/domain/enums'

const RUNNING_DISPUTES = sql`${[...RUNNING_DISPUTE_STATES]}`

/** Milestone states in which the client's money is held in escrow, bound as one JSON value. */
const ESCROWED_JSON = JSON.stringify(ESCROWED_MILESTONE_STATES)

// The dashboards run these on every load: compiled once per connection.
const clientQueries = {
  // A client's open projects: `+p.status` keeps SQLite on the client's index (a few projects) rather
  // than the status index (every open project on the platform), which it prefers without statistics.
  proposals: preparedStatement<{ waiting: number; unread: number }>(`
    select count(*) as waiting, coalesce(sum(pr.viewed_at is null), 0) as unread
    from proposals pr join projects p on p.id = pr.project_id
    where p.client_id = @clientId and +p.status = 'open' and pr.status = 'submitted'`),
  activeContracts: preparedStatement<{ n: number }>(
    `select count(*) as n from contracts where client_id = @clientId and status = 'active'`,
  ),
  inEscrow: preparedStatement<{ currency: string; amountMinor: number }>(`
    select c.currency, sum(m.amount_minor) as amountMinor from milestones m join contracts c on c.id = m.contract_id
    where c.client_id = @clientId and m.status in (select value from json_each(@escrowed))
    group by c.currency order by c.currency`),
  // Paid: released milestones and charged hourly invoices.
  paid: preparedStatement<{ currency: string; amountMinor: number }>(`
    select currency, sum(amount) as amountMinor from (
      select c.currency, m.amount_minor as amount from milestones m join contracts c on c.id = m.contract_id
      where c.client_id = @clientId and m.status = 'released'
      union all
      select c.currency, i.payable_minor from invoices i join contracts c on c.id = i.contract_id
      where c.client_id = @clientId and i.status = 'paid')
    group by currency order by currency`),
  // Proposals awaiting a decision on the client's open projects, newest first.
  toReview: preparedStatement<{
    id: string
    projectTitle: string
    freelancerName: string
    createdAt: number
    viewed: number
  }>(`
    select pr.id, p.title as projectTitle, u.name as freelancerName, pr.created_at as createdAt,
           pr.viewed_at is not null as viewed
    from proposals pr join projects p on p.id = pr.project_id join users u on u.id = pr.freelancer_id
    where p.client_id = @clientId and +p.status = 'open' and pr.status = 'submitted'
    order by pr.created_at desc limit @limit`),
}

export async function clientWorkStats(clientId: string) {
  const proposals = clientQueries.proposals().get({ clientId }) ?? { waiting: 0, unread: 0 }
  const activeContracts = clientQueries.activeContracts().get({ clientId })?.n ?? 0
  const inEscrow = clientQueries.inEscrow().all({ clientId, escrowed: ESCROWED_JSON })
  const paid = clientQueries.paid().all({ clientId })
  return { proposalsWaiting: proposals.waiting, proposalsUnread: proposals.unread, activeContracts, inEscrow, paid }
}

/** Proposals awaiting a decision on the client's open projects, newest first. */
export async function listProposalsToReview(clientId: string, limit: number) {
  return clientQueries.toReview().all({ clientId, limit })
}

const freelancerQueries = {
  proposals: preparedStatement<{ open: number; viewed: number }>(`
    select count(*) as open, coalesce(sum(viewed_at is not null), 0) as viewed
    from proposals where freelancer_id = @freelancerId and status = 'submitted'`),
  activeContracts: preparedStatement<{ n: number }>(
    `select count(*) as n from contracts where freelancer_id = @freelancerId and status = 'active'`,
  ),
  // Earnings are what reached the freelancer's wallet: released milestones and paid hourly invoices after the fee.
  earned: preparedStatement<{ currency: string; amountMinor: number }>(`
    select e.currency, sum(e.amount_minor) as amountMinor
    from ledger_entries e join ledger_accounts a on a.id = e.account_id
    join ledger_transactions t on t.id = e.transaction_id
    where a.kind = 'wallet' and a.owner_id = @freelancerId and e.amount_minor > 0
      and (t.kind like 'escrow.%' or t.kind = @hourlyCharge)
    group by e.currency order by e.currency`),
  sentProposal: preparedStatement<{ n: number }>(
    `select 1 as n from proposals where freelancer_id = @freelancerId limit 1`,
  ),
}

export async function freelancerWorkStats(freelancerId: string) {
  const proposals = freelancerQueries.proposals().get({ freelancerId }) ?? { open: 0, viewed: 0 }
  const activeContracts = freelancerQueries.activeContracts().get({ freelancerId })?.n ?? 0
  const earned = freelancerQueries.earned().all({ freelancerId, hourlyCharge: LEDGER_TRANSACTION.hourlyCharge })
  return { proposalsOpen: proposals.open, proposalsViewed: proposals.viewed, activeContracts, earned }
}

/** Active contracts of a user (either side), most recently changed first. */
const activeContractsOf = preparedStatement<{ id: string; title: string; otherName: string; type: string }>(`
  select c.id, c.title, u.name as otherName, c.type
  from contracts c join users u on u.id = case when c.client_id = @userId then c.freelancer_id else c.client_id end
  where (c.client_id = @userId or c.freelancer_id = @userId) and c.status = 'active'
  order by c.updated_at desc limit @limit`)

export async function listActiveContracts(userId: string, limit: number) {
  return activeContractsOf().all({ userId, limit })
}

export async function adminQueueStats() {
  const db = getDb()
  const disputes =
    db.get<{ n: number }>(sql`select count(*) as n from disputes where status in ${RUNNING_DISPUTES}`)?.n ?? 0
  const hiddenProjects =
    db.get<{ n: number }>(sql`select count(*) as n from projects where hidden_at is not null`)?.n ?? 0
  const activeContracts =
    db.get<{ n: number }>(sql`select count(*) as n from contracts where status = 'active'`)?.n ?? 0
  const unreviewedSignals =
    db.get<{ n: number }>(sql`select count(*) as n from fraud_signals where reviewed_at is null`)?.n ?? 0
  const openContactRequests =
    db.get<{ n: number }>(sql`select count(*) as n from contact_requests where status = 'open'`)?.n ?? 0
  return { disputes, hiddenProjects, activeContracts, unreviewedSignals, openContactRequests }
}

/** Disputes waiting for an admin's decision, oldest first (first come, first decided). */
export async function listDisputeQueue(limit: number) {
  return getDb().all<{
    id: string
    contractId: string
    contractTitle: string
    openedByName: string
    status: string
    createdAt: number
  }>(sql`
    select d.id, d.contract_id as contractId, c.title as contractTitle, u.name as openedByName, d.status, d.created_at as createdAt
    from disputes d join contracts c on c.id = d.contract_id join users u on u.id = d.opened_by
    where d.status in ${RUNNING_DISPUTES} order by d.created_at asc limit ${limit}`)
}

/** Whether the freelancer ever sent a proposal (withdrawn and declined ones count: they tried). */
export async function hasSentProposal(freelancerId: string): Promise<boolean> {
  return freelancerQueries.sentProposal().get({ freelancerId }) !== undefined
}
