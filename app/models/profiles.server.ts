import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import { getDb } from './db.server'
import { preparedQuery } from './prepared-query.server'
import { clientProfiles, contracts, freelancerProfiles, freelancerSkills, projects, skills, users } from './schema'

export type FreelancerProfile = typeof freelancerProfiles.$inferSelect
export type ClientProfile = typeof clientProfiles.$inferSelect

// Read by every dashboard load: prepared once.
const profileQueries = preparedQuery((db) => ({
  freelancer: db
    .select()
    .from(freelancerProfiles)
    .where(eq(freelancerProfiles.userId, sql.placeholder('userId')))
    .prepare(),
  skills: db
    .select({ id: skills.id, name: skills.name })
    .from(freelancerSkills)
    .innerJoin(skills, eq(skills.id, freelancerSkills.skillId))
    .where(eq(freelancerSkills.userId, sql.placeholder('userId')))
    .orderBy(skills.name)
    .prepare(),
  client: db
    .select()
    .from(clientProfiles)
    .where(eq(clientProfiles.userId, sql.placeholder('userId')))
    .prepare(),
}))

export async function findFreelancerProfile(userId: string) {
  const queries = profileQueries()
  const profile = queries.freelancer.get({ userId })
  if (!profile) return undefined
  return { ...profile, skills: queries.skills.all({ userId }) }
}

export async function findClientProfile(userId: string): Promise<ClientProfile | undefined> {
  return profileQueries().client.get({ userId })
}

export async function updateFreelancerProfile(
  userId: string,
  values: Partial<
    Pick<
      FreelancerProfile,
      | 'headline'
      | 'bio'
      | 'hourlyRateMinor'
      | 'currency'
      | 'experienceLevel'
      | 'country'
      | 'timeZone'
      | 'languages'
      | 'availability'
    >
  >,
): Promise<void> {
  getDb().update(freelancerProfiles).set(values).where(eq(freelancerProfiles.userId, userId)).run()
}

export async function updateClientProfile(
  userId: string,
  values: Partial<Pick<ClientProfile, 'company' | 'country'>>,
): Promise<void> {
  getDb().update(clientProfiles).set(values).where(eq(clientProfiles.userId, userId)).run()
}

/** Returns the ids of the named skills, creating the ones that do not exist yet. */
export async function ensureSkills(names: string[]): Promise<Map<string, number>> {
  const db = getDb()
  if (names.length)
    db.insert(skills)
      .values(names.map((name) => ({ name })))
      .onConflictDoNothing()
      .run()
  const rows = names.length ? db.select().from(skills).where(inArray(skills.name, names)).all() : []
  return new Map(rows.map((row) => [row.name, row.id]))
}

export async function replaceFreelancerSkills(userId: string, skillIds: number[]): Promise<void> {
  getDb().transaction((tx) => {
    tx.delete(freelancerSkills).where(eq(freelancerSkills.userId, userId)).run()
    if (skillIds.length)
      tx.insert(freelancerSkills)
        .values(skillIds.map((skillId) => ({ userId, skillId })))
        .run()
  })
}

export type PublicUser = { id: string; name: string; role: 'client' | 'freelancer'; createdAt: Date }

/** A user of the given role who may be shown to others (blocked accounts are not), or undefined. */
export async function findPublicUser(userId: string, role: 'client' | 'freelancer'): Promise<PublicUser | undefined> {
  const row = getDb()
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      createdAt: users.createdAt,
      blockedAt: users.blockedAt,
    })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.role, role)))
    .get()
  if (!row || row.blockedAt) return undefined
  return { id: row.id, name: row.name, role, createdAt: row.createdAt }
}

/** Contract counts for a profile page: ended and active, as either side. */
export async function contractCountsOf(
  userId: string,
  side: 'client' | 'freelancer',
): Promise<{ ended: number; active: number }> {
  const column = side === 'client' ? contracts.clientId : contracts.freelancerId
  const rows = getDb()
    .select({ status: contracts.status, n: sql<number>`count(*)` })
    .from(contracts)
    .where(eq(column, userId))
    .groupBy(contracts.status)
    .all()
  return {
    ended: rows.find((row) => row.status === 'ended')?.n ?? 0,
    active: rows.find((row) => row.status === 'active')?.n ?? 0,
  }
}

export async function countProjectsPosted(clientId: string): Promise<number> {
  return (
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(projects)
      .where(and(eq(projects.clientId, clientId), isNull(projects.hiddenAt)))
      .get()?.n ?? 0
  )
}
