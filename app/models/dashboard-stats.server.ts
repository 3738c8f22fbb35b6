import { sql } from 'drizzle-orm'
import { RUNNING_DISPUTE_STATES } from '~/domain/dispute-machine'
import { ESCROWED_MILESTONE_STATES } from '~/domain/milestone-machine'
import { getDb } from './db.server'
import { preparedStatement, preparedStatementWithLimit } from './prepared-query.server'
import { LEDGER_TRANSACTION } from '~/domain/enums'

const RUNNING_DISPUTES = sql`${[...RUNNING_DISPUTE_STATES]}`

/** Milestone states in which the client's money is held in escrow, bound as one JSON value. */
const ESCROWED_JSON = JSON.stringify(ESCROWED_MILESTONE_STATES)

// The dashboards run these on every load: compiled once per connection.
const clientQueries = {
  // What the client dashboard counts, and the profile fields its checklist asks for, in one statement.
  // A client's projects: `+status` keeps SQLite on the client's index (a few projects) rather than the
  // status index (every open project on the platform), which it prefers without statistics.
  facts: preparedStatement<{
    open: number
    closed: number
    waiting: number
    unread: number
    activeContracts: number
    company: string | null
    country: string | null
  }>(`
    select p.open, p.closed, pr.waiting, pr.unread,
      (select count(*) from contracts where client_id = @clientId and status = 'active') as activeContracts,
      cp.company, cp.country
    from (select coalesce(sum(status = 'open'), 0) as open, coalesce(sum(status = 'closed'), 0) as closed
          from projects where client_id = @clientId) p
    cross join (select count(*) as waiting, coalesce(sum(pr.viewed_at is null), 0) as unread
          from proposals pr join projects p on p.id = pr.project_id
          where p.client_id = @clientId and +p.status = 'open' and pr.status = 'submitted') pr
    left join client_profiles cp on cp.user_id = @clientId`),
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
  toReview: preparedStatementWithLimit<{
    id: string
    projectTitle: string
    freelancerName: string
    createdAt: number
    viewed: number
  }>(
    (limit) => `
    select pr.id, p.title as projectTitle, u.name as freelancerName, pr.created_at as createdAt,
           pr.viewed_at is not null as viewed
    from proposals pr join projects p on p.id = pr.project_id join users u on u.id = pr.freelancer_id
    where p.client_id = @clientId and +p.status = 'open' and pr.status = 'submitted'
    order by pr.created_at desc limit ${limit}`,
  ),
  // The client's newest projects, with what a project card shows (the time posted as epoch ms).
  recent: preparedStatementWithLimit<{
    id: string
    title: string
    budgetType: 'fixed' | 'hourly'
    budgetMinMinor: number
    budgetMaxMinor: number
    currency: string
    createdAt: number
    status: 'open' | 'closed'
  }>(
    (limit) => `
    select id, title, budget_type as budgetType, budget_min_minor as budgetMinMinor,
      budget_max_minor as budgetMaxMinor, currency, created_at as createdAt, status
    from projects where client_id = @clientId order by created_at desc limit ${limit}`,
  ),
}

/**
 * What the client dashboard counts: the client's projects by status, proposals waiting on their open
 * projects (and how many were never opened), active contracts, money in escrow and paid, per
 * currency; and the profile's company and country.
 */
export async function clientDashboardFacts(clientId: string) {
  const facts = clientQueries.facts().get({ clientId })!
  return {
    projects: { open: facts.open, closed: facts.closed },
    work: {
      proposalsWaiting: facts.waiting,
      proposalsUnread: facts.unread,
      activeContracts: facts.activeContracts,
      inEscrow: clientQueries.inEscrow().all({ clientId, escrowed: ESCROWED_JSON }),
      paid: clientQueries.paid().all({ clientId }),
    },
    company: facts.company ?? '',
    country: facts.country,
  }
}

/** Proposals awaiting a decision on the client's open projects, newest first. */
export async function listProposalsToReview(clientId: string, limit: number) {
  return clientQueries.toReview(limit).all({ clientId })
}

/** The client's newest projects, with only what a project summary shows of each (the dashboard). */
export async function listRecentProjectsOfClientForDashboard(clientId: string, limit: number) {
  return clientQueries.recent(limit).all({ clientId })
}

// The freelancer dashboard runs these on every load: compiled once per connection, each answering
// several of the page's questions (a statement costs its own call, and drizzle's builder far more).
const freelancerQueries = {
  // The profile's fields the page uses, the proposal and contract counts, and two onboarding facts:
  // whether they ever sent a proposal (withdrawn and declined ones count: they tried) and whether they
  // have a payout method that is not removed.
  facts: preparedStatement<{
    headline: string | null
    bio: string | null
    hourlyRateMinor: number | null
    currency: string | null
    proposalsOpen: number
    proposalsViewed: number
    activeContracts: number
    sentProposal: number
    hasPayoutMethod: number
  }>(`
    select fp.headline, fp.bio, fp.hourly_rate_minor as hourlyRateMinor, fp.currency,
      pr.open as proposalsOpen, pr.viewed as proposalsViewed,
      (select count(*) from contracts where freelancer_id = @freelancerId and status = 'active') as activeContracts,
      exists (select 1 from proposals where freelancer_id = @freelancerId) as sentProposal,
      exists (select 1 from payout_methods where user_id = @freelancerId and status <> 'removed') as hasPayoutMethod
    from (select count(*) as open, coalesce(sum(viewed_at is not null), 0) as viewed
          from proposals where freelancer_id = @freelancerId and status = 'submitted') pr
    left join freelancer_profiles fp on fp.user_id = @freelancerId`),
  // Earnings are what reached the freelancer's wallet: released milestones and paid hourly invoices after the fee.
  earned: preparedStatement<{ currency: string; amountMinor: number }>(`
    select e.currency, sum(e.amount_minor) as amountMinor
    from ledger_entries e join ledger_accounts a on a.id = e.account_id
    join ledger_transactions t on t.id = e.transaction_id
    where a.kind = 'wallet' and a.owner_id = @freelancerId and e.amount_minor > 0
      and (t.kind like 'escrow.%' or t.kind = @hourlyCharge)
    group by e.currency order by e.currency`),
  // The lists below are sorted in JS: a sort in SQLite (a temporary B-tree) cost 50–150 µs of CPU
  // per statement inside a page load, far more than sorting a handful of rows here.
  skills: preparedStatement<{ id: number; name: string }>(`
    select s.id, s.name from freelancer_skills fs join skills s on s.id = fs.skill_id where fs.user_id = @freelancerId`),
  // One side only: no OR over both sides and no CASE in the join, so it reads the freelancer's index alone.
  // Every active contract (a freelancer has a few; 10 at most on the large seed), sorted and cut in JS.
  activeContracts: preparedStatement<{
    id: string
    title: string
    otherName: string
    type: string
    updatedAt: number
  }>(`
    select c.id, c.title, u.name as otherName, c.type, c.updated_at as updatedAt
    from contracts c join users u on u.id = c.client_id
    where c.freelancer_id = @freelancerId and c.status = 'active'`),
  // From the listed projects' skills (migration 0024, each skill's projects newest first, ties by id):
  // each of the freelancer's skills' newest `limit` (and any tied with the last), read as a range of
  // the index from that skill's `limit`-th newest...
  newestForSkills: preparedStatement<[number, string]>(`
    select l.created_at, l.project_id from freelancer_skills fs cross join listed_project_skills l
    where fs.user_id = @freelancerId and l.skill_id = fs.skill_id
      and l.created_at >= coalesce((select c.created_at from listed_project_skills c where c.skill_id = fs.skill_id
                                    order by c.created_at desc, c.project_id limit 1 offset @limit - 1), 0)`),
  // ...and the keys of all their projects, to count each project once.
  keysForSkills: preparedStatement<string | null>(`
    select group_concat(l.project_key) from freelancer_skills fs cross join listed_project_skills l
    where fs.user_id = @freelancerId and l.skill_id = fs.skill_id`),
  // What a card shows of each of a few projects (a JSON array of ids), with its skill names as a JSON array.
  cards: preparedStatement<{
    id: string
    title: string
    budgetType: 'fixed' | 'hourly'
    budgetMinMinor: number
    budgetMaxMinor: number
    currency: string
    createdAt: number
    skills: string
  }>(`
    select p.id, p.title, p.budget_type as budgetType, p.budget_min_minor as budgetMinMinor,
      p.budget_max_minor as budgetMaxMinor, p.currency, p.created_at as createdAt,
      (select json_group_array(s.name) from project_skills ps join skills s on s.id = ps.skill_id
       where ps.project_id = p.id) as skills
    from json_each(@ids) j cross join projects p where p.id = j.value`),
}

/**
 * SQLite's BINARY order of text (its UTF-8 bytes, so code point order), which ORDER BY on a name
 * gives. JS compares UTF-16 code units, which agrees except where a surrogate (a code point above
 * U+FFFF) meets a unit from U+E000 to U+FFFF; that case is put right here.
 */
function byBinary(a: string, b: string): number {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i += 1) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x === y) continue
    const xAbove = x >= 0xd800 && x <= 0xdfff
    const yAbove = y >= 0xd800 && y <= 0xdfff
    if (xAbove !== yAbove && (xAbove ? y : x) >= 0xe000) return xAbove ? 1 : -1
    return x - y
  }
  return a.length - b.length
}

/** What the freelancer dashboard shows of the freelancer's own profile and work. */
export async function freelancerDashboardFacts(freelancerId: string) {
  const facts = freelancerQueries.facts().get({ freelancerId })!
  return {
    profile: {
      headline: facts.headline ?? '',
      bio: facts.bio ?? '',
      hourlyRateMinor: facts.hourlyRateMinor,
      currency: facts.currency ?? 'USD',
      skills: freelancerQueries
        .skills()
        .all({ freelancerId })
        .sort((a, b) => byBinary(a.name, b.name)),
    },
    work: {
      proposalsOpen: facts.proposalsOpen,
      proposalsViewed: facts.proposalsViewed,
      activeContracts: facts.activeContracts,
      earned: freelancerQueries.earned().all({ freelancerId, hourlyCharge: LEDGER_TRANSACTION.hourlyCharge }),
    },
    sentProposal: facts.sentProposal === 1,
    hasPayoutMethod: facts.hasPayoutMethod === 1,
  }
}

/** The freelancer's active contracts, most recently changed first, with the client's name. */
export async function listActiveContractsOfFreelancer(freelancerId: string, limit: number) {
  return freelancerQueries
    .activeContracts()
    .all({ freelancerId })
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .slice(0, limit)
    .map(({ updatedAt: _updatedAt, ...contract }) => contract)
}

/** Marks of the listed projects' keys seen by the current count (`pass`), grown as keys grow. */
let seenIn = new Uint32Array(1 << 16)
let pass = 0

/** How many distinct keys a comma-separated list of decimal keys holds. */
function countDistinctKeys(list: string): number {
  pass += 1
  if (pass === 0xffff_ffff) {
    seenIn.fill(0)
    pass = 1
  }
  let distinct = 0
  let key = 0
  for (let i = 0; i <= list.length; i += 1) {
    const code = i < list.length ? list.charCodeAt(i) : 44
    if (code !== 44) {
      key = key * 10 + code - 48
      continue
    }
    if (key >= seenIn.length) {
      const grown = new Uint32Array(Math.max(key + 1, seenIn.length * 2))
      grown.set(seenIn)
      seenIn = grown
    }
    if (seenIn[key] !== pass) {
      seenIn[key] = pass
      distinct += 1
    }
    key = 0
  }
  return distinct
}

/**
 * The newest `limit` listed projects (open, public, not hidden: what Find work lists) asking for any
 * of the freelancer's skills, each with its skills (A to Z), and how many such projects there are.
 * Read from each skill's listed projects, newest first (migration 0024): a project among the newest
 * `limit` of all is among the newest `limit` of each of its skills, and the count reads only the keys
 * of the matches (a freelancer with common skills matches ~5,600 on the large seed).
 */
export async function listOpenProjectsForFreelancer(freelancerId: string, limit: number) {
  const candidates = new Map<string, number>()
  if (limit > 0)
    for (const [createdAt, id] of freelancerQueries.newestForSkills().raw().all({ freelancerId, limit }))
      candidates.set(id, createdAt)
  const top = [...candidates]
    .map(([id, createdAt]) => ({ id, createdAt }))
    .sort((a, b) => b.createdAt - a.createdAt || byBinary(a.id, b.id))
    .slice(0, limit)
  const keys = freelancerQueries.keysForSkills().pluck().get({ freelancerId })
  const total = keys ? countDistinctKeys(keys) : 0
  const newest = top.map((pair) => pair.id)
  const cards = new Map(
    (newest.length ? freelancerQueries.cards().all({ ids: JSON.stringify(newest) }) : []).map((card) => [
      card.id,
      card,
    ]),
  )
  const rows = newest.map((id) => {
    const { createdAt, skills, ...card } = cards.get(id)!
    return { ...card, createdAt: new Date(createdAt), skills: (JSON.parse(skills) as string[]).sort(byBinary) }
  })
  return { rows, total }
}

/** Active contracts of a user (either side), most recently changed first. */
const activeContractsOf = preparedStatementWithLimit<{ id: string; title: string; otherName: string; type: string }>(
  (limit) => `
  select c.id, c.title, u.name as otherName, c.type
  from contracts c join users u on u.id = case when c.client_id = @userId then c.freelancer_id else c.client_id end
  where (c.client_id = @userId or c.freelancer_id = @userId) and c.status = 'active'
  order by c.updated_at desc limit ${limit}`,
)

export async function listActiveContracts(userId: string, limit: number) {
  return activeContractsOf(limit).all({ userId })
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
