import { sql } from 'drizzle-orm'
import { getDb } from './db.server'

/** Projects posted per skill since `since`, with when each was posted (for the trend) and its budget. */
export async function listSkillDemand(since: number, currency: string) {
  return getDb().all<{
    skill: string
    at: number
    level: string
    budgetType: string
    midMinor: number | null
  }>(sql`select
      s.name as skill, p.created_at as at, p.experience_level as level, p.budget_type as budgetType,
      case when p.currency = ${currency} then (p.budget_min_minor + p.budget_max_minor) / 2 end as midMinor
    from projects p join project_skills ps on ps.project_id = p.id join skills s on s.id = ps.skill_id
    where p.created_at >= ${since} and p.visibility = 'public' and p.hidden_at is null`)
}

/** Freelancers per skill, with their level and hourly rate (in `currency`). */
export async function listSkillSupply(currency: string) {
  return getDb().all<{ skill: string; level: string; rateMinor: number | null }>(sql`select s.name as skill,
      fp.experience_level as level, case when fp.currency = ${currency} then fp.hourly_rate_minor end as rateMinor
    from freelancer_skills fs join skills s on s.id = fs.skill_id join freelancer_profiles fp on fp.user_id = fs.user_id
    join users u on u.id = fs.user_id where u.blocked_at is null`)
}
