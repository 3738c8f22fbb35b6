import { sql } from 'drizzle-orm'
import type { Availability, ExperienceLevel } from '~/domain/enums'
import { getDb } from './db.server'

export type CandidateFreelancer = {
  id: string
  name: string
  headline: string
  experienceLevel: ExperienceLevel
  hourlyRateMinor: number | null
  currency: string
  availability: Availability
  timeZone: string | null
  languages: string[]
  skills: string[]
}

/** How many of the most-sharing holders are looked at per candidate wanted (ties then go newest first). */
const PREFIX = 5

/**
 * Freelancers who list at least one of the skills, most shared skills first, then newest among the
 * first few hundred: not blocked and not out of recommendations. Starts from the skills' index, so
 * only their holders are read, and only the top of them are joined to their accounts.
 */
export async function listFreelancersWithSkills(skillNames: string[], limit: number): Promise<CandidateFreelancer[]> {
  if (!skillNames.length) return []
  const rows = getDb()
    .$client.prepare(
      `select u.id, u.name, f.headline, f.experience_level as experienceLevel, f.hourly_rate_minor as hourlyRateMinor,
              f.currency, f.availability, f.time_zone as timeZone, f.languages,
              (select group_concat(s2.name, char(31)) from freelancer_skills fs2 join skills s2 on s2.id = fs2.skill_id
                where fs2.user_id = u.id) as skills
         from (select m.id, m.shared, u.created_at from (
                 select fs.user_id as id, count(*) as shared from freelancer_skills fs
                  where fs.skill_id in (select id from skills where name in (select value from json_each(?)))
                  group by fs.user_id order by shared desc limit ?) m
               join users u on u.id = m.id
              where u.role = 'freelancer' and u.blocked_at is null
                and not exists (select 1 from discovery_preferences d where d.user_id = u.id and d.recommendations_off = 1)
              order by m.shared desc, u.created_at desc
              limit ?) top
         join users u on u.id = top.id join freelancer_profiles f on f.user_id = u.id
        order by top.shared desc, top.created_at desc`,
    )
    .all(JSON.stringify(skillNames), limit * PREFIX, limit) as (Omit<CandidateFreelancer, 'languages' | 'skills'> & {
    languages: string
    skills: string | null
  })[]
  return rows.map((row) => ({
    ...row,
    languages: JSON.parse(row.languages || '[]') as string[],
    skills: row.skills ? row.skills.split('\u001f') : [],
  }))
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

/** Open, public, listed projects asking for at least one of the skills, newest first. */
export async function listOpenProjectsWithSkills(skillNames: string[], limit: number): Promise<CandidateProject[]> {
  if (!skillNames.length) return []
  const names = sql.join(
    skillNames.map((name) => sql`${name}`),
    sql`, `,
  )
  const rows = getDb().all<Omit<CandidateProject, 'skills'> & { skills: string }>(sql`
    select p.id, p.title, p.client_id as clientId, p.budget_type as budgetType, p.budget_min_minor as budgetMinMinor,
           p.budget_max_minor as budgetMaxMinor, p.currency, p.experience_level as experienceLevel,
           p.created_at as createdAt, w.time_zone as clientTimeZone,
           (select group_concat(s2.name, char(31)) from project_skills ps2 join skills s2 on s2.id = ps2.skill_id
             where ps2.project_id = p.id) as skills
    from projects p left join weekly_availability w on w.user_id = p.client_id
    where p.status = 'open' and p.visibility = 'public' and p.hidden_at is null
      and not exists (select 1 from users c where c.id = p.client_id and c.blocked_at is not null)
      and exists (select 1 from project_skills ps join skills s on s.id = ps.skill_id
                  where ps.project_id = p.id and s.name in (${names}))
    order by p.created_at desc
    limit ${limit}`)
  return rows.map((row) => ({ ...row, skills: row.skills ? row.skills.split('\u001f') : [] }))
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
