/**
 * What `npm run ai:train`, `npm run ai:eval` and the weekly refit read: every hire decision with its
 * applicants, every contract with how it ended, and the dated events that make up a freelancer's or
 * a client's record at any moment in the past (so a past decision is judged on what was known then).
 * Whole-table reads in a few queries: a year of the large seed fits in memory.
 */
import { getDb } from './db.server'
import { paidEnoughSql, type PaidMinimums } from './contract-paid.server'
import type { ExperienceLevel } from '~/domain/enums'
import type { FreelancerMatchProfile } from '~/domain/freelancer-facts'

export type TrainingProject = {
  id: string
  clientId: string
  createdAt: number
  budgetType: 'fixed' | 'hourly'
  budgetMinMinor: number
  budgetMaxMinor: number
  currency: string
  experienceLevel: ExperienceLevel
  skills: string[]
}

export type TrainingApplicant = { projectId: string; freelancerId: string; bidAmountMinor: number; hired: boolean }

/** Projects that hired through a proposal, oldest first, and everyone who applied to them. */
export async function listHireDecisions(): Promise<{ projects: TrainingProject[]; applicants: TrainingApplicant[] }> {
  const client = getDb().$client
  const projects = client
    .prepare(
      `select p.id, p.client_id as clientId, p.created_at as createdAt, p.budget_type as budgetType,
              p.budget_min_minor as budgetMinMinor, p.budget_max_minor as budgetMaxMinor, p.currency,
              p.experience_level as experienceLevel,
              (select group_concat(s.name, char(31)) from project_skills ps join skills s on s.id = ps.skill_id
                where ps.project_id = p.id) as skills
         from projects p
        where exists (select 1 from proposals x where x.project_id = p.id and x.status = 'accepted')
        order by p.created_at`,
    )
    .all() as (Omit<TrainingProject, 'skills'> & { skills: string | null })[]
  const applicants = client
    .prepare(
      `select x.project_id as projectId, x.freelancer_id as freelancerId, x.bid_amount_minor as bidAmountMinor,
              x.status = 'accepted' as hired
         from proposals x
        where exists (select 1 from proposals y where y.project_id = x.project_id and y.status = 'accepted')`,
    )
    .all() as (Omit<TrainingApplicant, 'hired'> & { hired: number })[]
  return {
    projects: projects.map((p) => ({ ...p, skills: p.skills ? p.skills.split('\u001f') : [] })),
    applicants: applicants.map((a) => ({ ...a, hired: a.hired === 1 })),
  }
}

export type TrainingFreelancer = { id: string; createdAt: number } & FreelancerMatchProfile

export async function listFreelancerProfiles(): Promise<TrainingFreelancer[]> {
  const rows = getDb()
    .$client.prepare(
      `select u.id, u.created_at as createdAt, f.experience_level as experienceLevel, f.hourly_rate_minor as hourlyRateMinor,
              f.currency, f.availability, f.time_zone as timeZone, f.languages,
              (select group_concat(s.name, char(31)) from freelancer_skills fs join skills s on s.id = fs.skill_id
                where fs.user_id = u.id) as skills
         from users u join freelancer_profiles f on f.user_id = u.id
        where u.role = 'freelancer' and u.blocked_at is null`,
    )
    .all() as (Omit<TrainingFreelancer, 'languages' | 'skills'> & { languages: string; skills: string | null })[]
  return rows.map((row) => ({
    ...row,
    languages: JSON.parse(row.languages || '[]') as string[],
    skills: row.skills ? row.skills.split('\u001f') : [],
  }))
}

/** Dated facts about people, each list sorted by time. */
export type RecordEvents = {
  /** Ended contracts: paid something, and the share of a dispute lost (refund 1, split ½). */
  ended: { userId: string; at: number; paid: number; lost: number }[]
  /** Reviews people received (visible from when the review was written). */
  reviews: { userId: string; at: number; rating: number }[]
  /** Milestones with a due date once delivered or due; on time when delivered by the due day. */
  milestones: { userId: string; at: number; onTime: number }[]
  /** Proposals sent: the activity a freelancer leaves. */
  activity: { userId: string; at: number }[]
  /** Ended contracts of clients, and whether a dispute was opened on them. */
  clientEnded: { userId: string; at: number; disputed: number }[]
}

/** `paidMinimums`: what an ended contract must have paid for work to count as paid, as the rank counts it. */
export async function listRecordEvents(paidMinimums: PaidMinimums): Promise<RecordEvents> {
  const client = getDb().$client
  const all = <T>(query: string, ...params: unknown[]) => client.prepare(query).all(...params) as T[]
  return {
    ended: all(
      `select c.freelancer_id as userId, c.ended_at as at, ${paidEnoughSql('c')} as paid,
              coalesce((select sum(case d.decision when 'refund' then 1.0 when 'split' then 0.5 else 0 end)
                          from disputes d where d.contract_id = c.id and d.status = 'decided'), 0) as lost
         from contracts c where c.status = 'ended' and c.ended_at is not null order by c.ended_at`,
      JSON.stringify(paidMinimums),
    ),
    reviews: all(`select reviewee_id as userId, created_at as at, rating from reviews order by created_at`),
    milestones: all(
      `select c.freelancer_id as userId,
              min(coalesce(m.submitted_at, m.due_date + 86400000), m.due_date + 86400000) as at,
              (m.submitted_at is not null and m.submitted_at < m.due_date + 86400000) as onTime
         from milestones m join contracts c on c.id = m.contract_id
        where m.due_date is not null and m.funded_at is not null order by at`,
    ),
    activity: all(`select freelancer_id as userId, created_at as at from proposals order by created_at`),
    clientEnded: all(
      `select c.client_id as userId, c.ended_at as at,
              exists (select 1 from disputes d where d.contract_id = c.id) as disputed
         from contracts c where c.status = 'ended' and c.ended_at is not null order by c.ended_at`,
    ),
  }
}

export type TrainingContract = {
  id: string
  projectId: string
  clientId: string
  freelancerId: string
  createdAt: number
  endedAt: number | null
  bidAmountMinor: number
  budgetType: 'fixed' | 'hourly'
  budgetMaxMinor: number
  projectLevel: ExperienceLevel
  /** null while the contract runs, or when it ended untroubled but without the client's review. */
  endedWell: boolean | null
}

/**
 * Every contract made from a proposal, oldest first, with whether it ended well: released without
 * a dispute or a refund (and no invoice left unpaid), and rated 4 or more by the client.
 */
export async function listContractOutcomes(): Promise<TrainingContract[]> {
  const rows = getDb()
    .$client.prepare(
      `select c.id, c.project_id as projectId, c.client_id as clientId, c.freelancer_id as freelancerId,
              c.created_at as createdAt, c.ended_at as endedAt, x.bid_amount_minor as bidAmountMinor,
              p.budget_type as budgetType, p.budget_max_minor as budgetMaxMinor, p.experience_level as projectLevel,
              c.status = 'ended' as ended,
              (select r.rating from reviews r where r.contract_id = c.id and r.direction = 'client_to_freelancer') as rating,
              (exists (select 1 from disputes d where d.contract_id = c.id)
               or exists (select 1 from milestones m where m.contract_id = c.id and m.refunded_at is not null)
               or exists (select 1 from invoices i where i.contract_id = c.id and i.status not in ('paid', 'void'))) as troubled
         from contracts c join proposals x on x.id = c.proposal_id join projects p on p.id = c.project_id
        order by c.created_at`,
    )
    .all() as (Omit<TrainingContract, 'endedWell'> & { ended: number; rating: number | null; troubled: number })[]
  return rows.map(({ ended, rating, troubled, ...row }) => ({
    ...row,
    endedWell: !ended ? null : troubled ? false : rating === null ? null : rating >= 4,
  }))
}

/** A client's ended contracts and how many of them saw a dispute (the success estimate reads it). */
export async function clientContractRecord(clientId: string): Promise<{ ended: number; disputed: number }> {
  const row = getDb()
    .$client.prepare(
      `select count(*) as ended,
              coalesce(sum(exists (select 1 from disputes d where d.contract_id = c.id)), 0) as disputed
         from contracts c where c.client_id = ? and c.status = 'ended'`,
    )
    .get(clientId) as { ended: number; disputed: number }
  return { ended: Number(row.ended), disputed: Number(row.disputed) }
}

/** Hires (accepted proposals) and ended contracts: whether a fit has enough to learn from. */
export async function countModelOutcomes(): Promise<{ hires: number; endedContracts: number }> {
  const row = getDb()
    .$client.prepare(
      `select (select count(*) from proposals where status = 'accepted') as hires,
              (select count(*) from contracts where status = 'ended') as endedContracts`,
    )
    .get() as { hires: number; endedContracts: number }
  return { hires: Number(row.hires), endedContracts: Number(row.endedContracts) }
}
