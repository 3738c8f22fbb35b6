import { eq, sql } from 'drizzle-orm'
import { getDb } from './db.server'
import { preparedQuery } from './prepared-query.server'
import { discoveryPreferences } from './schema'

export type DiscoveryPreferences = { membersOnly: boolean; recommendationsOff: boolean }

const DEFAULTS: DiscoveryPreferences = { membersOnly: false, recommendationsOff: false }

// The freelancer dashboard reads them on every load: prepared once.
const preferencesOf = preparedQuery((db) =>
  db
    .select({
      membersOnly: discoveryPreferences.membersOnly,
      recommendationsOff: discoveryPreferences.recommendationsOff,
    })
    .from(discoveryPreferences)
    .where(eq(discoveryPreferences.userId, sql.placeholder('userId')))
    .prepare(),
)

export async function findDiscoveryPreferences(userId: string): Promise<DiscoveryPreferences> {
  return preferencesOf().get({ userId }) ?? DEFAULTS
}

export async function saveDiscoveryPreferences(userId: string, values: DiscoveryPreferences): Promise<void> {
  getDb()
    .insert(discoveryPreferences)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: discoveryPreferences.userId, set: { ...values, updatedAt: new Date() } })
    .run()
}

/** The listed projects: what Find work shows to everyone (open, public, not hidden, client not blocked). */
const LISTED_PROJECT = sql`p.status = 'open' and p.visibility = 'public' and p.hidden_at is null
  and not exists (select 1 from users c where c.id = p.client_id and c.blocked_at is not null)`

/** Freelancers anyone may read: not blocked, not kept to members. */
const PUBLIC_FREELANCER = sql`u.role = 'freelancer' and u.blocked_at is null
  and not exists (select 1 from discovery_preferences d where d.user_id = u.id and d.members_only = 1)`

export type SitemapEntry = { id: string; updatedAt: number }

export async function countSitemapEntries(): Promise<{ projects: number; freelancers: number }> {
  const db = getDb()
  const projects = db.get<{ n: number }>(sql`select count(*) as n from projects p where ${LISTED_PROJECT}`)?.n ?? 0
  const freelancers = db.get<{ n: number }>(sql`select count(*) as n from users u where ${PUBLIC_FREELANCER}`)?.n ?? 0
  return { projects, freelancers }
}

export async function listSitemapProjects(offset: number, limit: number): Promise<SitemapEntry[]> {
  if (limit <= 0) return []
  return getDb().all<SitemapEntry>(
    sql`select p.id as id, p.updated_at as updatedAt from projects p where ${LISTED_PROJECT}
        order by p.created_at, p.id limit ${limit} offset ${offset}`,
  )
}

export async function listSitemapFreelancers(offset: number, limit: number): Promise<SitemapEntry[]> {
  if (limit <= 0) return []
  return getDb().all<SitemapEntry>(
    sql`select u.id as id, max(u.updated_at, coalesce(f.updated_at, 0)) as updatedAt
        from users u left join freelancer_profiles f on f.user_id = u.id where ${PUBLIC_FREELANCER}
        order by u.created_at, u.id limit ${limit} offset ${offset}`,
  )
}

/** Whether the client who posted a project is blocked (their projects are then gone for visitors). */
export async function isUserBlocked(userId: string): Promise<boolean> {
  return Boolean(
    getDb().get<{ b: number }>(sql`select 1 as b from users where id = ${userId} and blocked_at is not null`),
  )
}
