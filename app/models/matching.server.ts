import { sql } from 'drizzle-orm'
import type { ExperienceLevel } from '~/domain/enums'
import type { FreelancerMatchProfile } from '~/domain/freelancer-facts'
import { getDb } from './db.server'

export type CandidateFreelancer = { id: string; name: string; headline: string } & FreelancerMatchProfile

/** A freelancer's or a project's skills, for the in-memory candidate index (app/services/ai/candidate-index.server.ts). */
export type SkillSet = { id: string; createdAt: number; skills: string[] }
/** Where the index has read to: the newest skill row, and the newest change of candidate_index_changes (migration 0027). */
export type IndexCursor = { rowid: number; seq: number }
/**
 * The owners of skill rows after a rowid (new, re-saved or reused rowids) and of changes after a
 * sequence number (reopened, unhidden, closed, deleted, a skill row removed...), and where that
 * reading got to. `everyone`: a skill was renamed or deleted, so every owner may have changed.
 */
export type SkillChanges = { cursor: IndexCursor; ownerIds: string[]; everyone: boolean }

const splitSkills = <T extends { skills: string | null }>(rows: T[]) =>
  rows.map((row) => ({ ...row, skills: row.skills ? row.skills.split('\u001f') : [] }))

/**
 * The changes to one kind of owner after `after`, or (null) only where the newest are now. Not
 * `distinct` over the skill rows: that would make SQLite scan the whole table instead of the rowid
 * range. The change rows are read in one statement, so the sequence number returned is the newest
 * of the rows returned (a number read apart from its rows could pass a change committed between).
 */
function changesOf(
  table: 'freelancer_skills' | 'project_skills',
  owner: 'user_id' | 'project_id',
  kind: 'freelancer' | 'project',
  after: IndexCursor | null,
): SkillChanges {
  const sqlite = getDb().$client
  if (!after) {
    const seq = sqlite
      .prepare(`select coalesce(max(seq), 0) from candidate_index_changes where kind = ?`)
      .pluck()
      .get(kind) as number
    const rowid = sqlite.prepare(`select coalesce(max(rowid), 0) from ${table}`).pluck().get() as number
    return { cursor: { rowid, seq }, ownerIds: [], everyone: false }
  }
  const changed = sqlite
    .prepare(`select owner_id as id, seq from candidate_index_changes where kind = ? and seq > ? order by seq`)
    .all(kind, after.seq) as { id: string; seq: number }[]
  const rows = sqlite.prepare(`select ${owner} from ${table} where rowid > ?`).pluck().all(after.rowid) as string[]
  const rowid = sqlite.prepare(`select coalesce(max(rowid), 0) from ${table}`).pluck().get() as number
  const ownerIds = new Set(rows)
  let everyone = false
  for (const change of changed) {
    if (change.id === '*') everyone = true
    else ownerIds.add(change.id)
  }
  return { cursor: { rowid, seq: changed.at(-1)?.seq ?? after.seq }, ownerIds: [...ownerIds], everyone }
}

export async function listFreelancerSkillChanges(after: IndexCursor | null): Promise<SkillChanges> {
  return changesOf('freelancer_skills', 'user_id', 'freelancer', after)
}

/**
 * Runs a query of skill sets (`id`, `createdAt`, `skills` joined by char 31): of all its owners, or,
 * given `ids`, of those only, by the condition `only` writes on its id column.
 */
function skillSetsOf(query: (only: (idColumn: string) => string) => string, ids: string[] | null): SkillSet[] {
  const only = (idColumn: string) => (ids ? `and ${idColumn} in (select value from json_each(?))` : '')
  const rows = getDb()
    .$client.prepare(query(only))
    .all(...(ids ? [JSON.stringify(ids)] : [])) as { id: string; createdAt: number; skills: string | null }[]
  return splitSkills(rows)
}

/** Freelancers' skills: of the given ones, or of all (`null`). */
export async function listFreelancerSkillSets(userIds: string[] | null): Promise<SkillSet[]> {
  return skillSetsOf(
    (only) => `select u.id, u.created_at as createdAt, group_concat(s.name, char(31)) as skills
         from freelancer_skills fs join skills s on s.id = fs.skill_id join users u on u.id = fs.user_id
        where u.role = 'freelancer' ${only('fs.user_id')}
        group by u.id`,
    userIds,
  )
}

/** Runs a candidates query: its `json_each(?)` gets the ids, its `limit ?` the limit. */
function candidateRows<Row>(query: string, ids: string[], limit: number) {
  if (!ids.length) return []
  const rows = getDb().$client.prepare(query).all(JSON.stringify(ids), limit) as (Row & { skills: string | null })[]
  return splitSkills(rows)
}

/**
 * The candidates, in the given order: freelancers not blocked and not out of recommendations, with
 * their profiles and skills as they stand now (the index that chose them may be a little behind).
 */
export async function findCandidateFreelancers(orderedIds: string[], limit: number): Promise<CandidateFreelancer[]> {
  const rows = candidateRows<Omit<CandidateFreelancer, 'languages' | 'skills'> & { languages: string }>(
    `select u.id, u.name, f.headline, f.experience_level as experienceLevel, f.hourly_rate_minor as hourlyRateMinor,
              f.currency, f.availability, f.time_zone as timeZone, f.languages,
              (select group_concat(s2.name, char(31)) from freelancer_skills fs2 join skills s2 on s2.id = fs2.skill_id
                where fs2.user_id = u.id) as skills
         from json_each(?) j join users u on u.id = j.value join freelancer_profiles f on f.user_id = u.id
        where u.role = 'freelancer' and u.blocked_at is null
          and not exists (select 1 from discovery_preferences d where d.user_id = u.id and d.recommendations_off = 1)
        order by j.key
        limit ?`,
    orderedIds,
    limit,
  )
  return rows.map((row) => ({ ...row, languages: JSON.parse(row.languages || '[]') as string[] }))
}

export type CandidateProject = {
  id: string
  title: string
  clientId: string
  budgetType: 'fixed' | 'hourly'
  budgetMinMinor: number
  budgetMaxMinor: number
  currency: string
  experienceLevel: ExperienceLevel
  createdAt: number
  clientTimeZone: string | null
  skills: string[]
}

export async function listProjectSkillChanges(after: IndexCursor | null): Promise<SkillChanges> {
  return changesOf('project_skills', 'project_id', 'project', after)
}

/** Open, public, listed projects' skills: of the given ones, or of all (`null`). */
export async function listOpenProjectSkillSets(projectIds: string[] | null): Promise<SkillSet[]> {
  return skillSetsOf(
    (only) => `select p.id, p.created_at as createdAt, group_concat(s.name, char(31)) as skills
         from projects p join project_skills ps on ps.project_id = p.id join skills s on s.id = ps.skill_id
        where p.status = 'open' and p.visibility = 'public' and p.hidden_at is null
          ${only('p.id')}
        group by p.id`,
    projectIds,
  )
}

/** Of the given projects, those still open, public and listed from clients not blocked, newest first. */
export async function findCandidateProjects(ids: string[], limit: number): Promise<CandidateProject[]> {
  return candidateRows<Omit<CandidateProject, 'skills'>>(
    `select p.id, p.title, p.client_id as clientId, p.budget_type as budgetType, p.budget_min_minor as budgetMinMinor,
              p.budget_max_minor as budgetMaxMinor, p.currency, p.experience_level as experienceLevel,
              p.created_at as createdAt, w.time_zone as clientTimeZone,
              (select group_concat(s2.name, char(31)) from project_skills ps2 join skills s2 on s2.id = ps2.skill_id
                where ps2.project_id = p.id) as skills
         from json_each(?) j join projects p on p.id = j.value left join weekly_availability w on w.user_id = p.client_id
        where p.status = 'open' and p.visibility = 'public' and p.hidden_at is null
          and not exists (select 1 from users c where c.id = p.client_id and c.blocked_at is not null)
        order by p.created_at desc
        limit ?`,
    ids,
    limit,
  )
}

/** The time zone a client gave with their meeting availability, if any. */
export async function findClientTimeZone(userId: string): Promise<string | null> {
  return (
    getDb().get<{ tz: string }>(sql`select time_zone as tz from weekly_availability where user_id = ${userId}`)?.tz ??
    null
  )
}

/** Every client's time zone from their meeting availability (for fitting on past projects). */
export async function listClientTimeZones(): Promise<Map<string, string>> {
  const rows = getDb().all<{ userId: string; tz: string }>(
    sql`select user_id as userId, time_zone as tz from weekly_availability where time_zone is not null`,
  )
  return new Map(rows.map((row) => [row.userId, row.tz]))
}
