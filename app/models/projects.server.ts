import { and, count, desc, eq, inArray, sql } from 'drizzle-orm'
import { getDb } from './db.server'
import { projectSkills, projects, skills } from './schema'

export type Project = typeof projects.$inferSelect

export async function countProjectsByStatus(clientId?: string): Promise<{ open: number; closed: number }> {
  const rows = getDb()
    .select({ status: projects.status, n: count() })
    .from(projects)
    .where(clientId ? eq(projects.clientId, clientId) : undefined)
    .groupBy(projects.status)
    .all()
  const result = { open: 0, closed: 0 }
  for (const row of rows) result[row.status] = row.n
  return result
}

export async function listRecentProjectsOfClient(clientId: string, limit: number) {
  return getDb()
    .select()
    .from(projects)
    .where(eq(projects.clientId, clientId))
    .orderBy(desc(projects.createdAt))
    .limit(limit)
    .all()
}

/** Open projects that ask for at least one of the given skills, newest first, with how many skills match. */
export async function listOpenProjectsForSkills(skillIds: number[], limit: number) {
  if (skillIds.length === 0) return { rows: [], total: 0 }
  const db = getDb()
  const matching = and(eq(projects.status, 'open'), inArray(projectSkills.skillId, skillIds))
  const rows = db
    .select({
      id: projects.id,
      title: projects.title,
      budgetType: projects.budgetType,
      budgetMinMinor: projects.budgetMinMinor,
      budgetMaxMinor: projects.budgetMaxMinor,
      currency: projects.currency,
      createdAt: projects.createdAt,
      matchedSkills: count(projectSkills.skillId),
    })
    .from(projects)
    .innerJoin(projectSkills, eq(projectSkills.projectId, projects.id))
    .where(matching)
    .groupBy(projects.id)
    .orderBy(desc(projects.createdAt))
    .limit(limit)
    .all()
  const total =
    db
      .select({ n: sql<number>`count(distinct ${projects.id})` })
      .from(projects)
      .innerJoin(projectSkills, eq(projectSkills.projectId, projects.id))
      .where(matching)
      .get()?.n ?? 0
  return { rows, total }
}

export async function listSkillsOfProjects(projectIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>()
  if (projectIds.length === 0) return result
  const rows = getDb()
    .select({ projectId: projectSkills.projectId, name: skills.name })
    .from(projectSkills)
    .innerJoin(skills, eq(skills.id, projectSkills.skillId))
    .where(inArray(projectSkills.projectId, projectIds))
    .orderBy(skills.name)
    .all()
  for (const row of rows) result.set(row.projectId, [...(result.get(row.projectId) ?? []), row.name])
  return result
}

export async function insertProjects(
  rows: Array<typeof projects.$inferInsert & { skillIds: number[] }>,
): Promise<void> {
  const db = getDb()
  db.transaction((tx) => {
    for (const { skillIds, ...project } of rows) {
      tx.insert(projects).values(project).run()
      if (skillIds.length) tx.insert(projectSkills).values(skillIds.map((skillId) => ({ projectId: project.id, skillId }))).run()
    }
  })
}

export type BulkProject = typeof projects.$inferInsert & { skillIds: number[] }

/**
 * Inserts many projects at once (seeding large databases): one transaction with prepared
 * statements. Each project's skills go in before the project itself (foreign keys are checked at
 * commit), so the search index trigger reads the finished skill list once per project.
 */
export async function insertProjectsBulk(rows: BulkProject[]): Promise<void> {
  if (rows.length === 0) return
  const sqlite = getDb().$client
  const insertProject = sqlite.prepare(
    `insert into projects (id, client_id, title, description, budget_type, budget_min_minor, budget_max_minor,
       currency, experience_level, status, visibility, deadline, closed_at, close_reason, hidden_at, hidden_reason,
       created_at, updated_at)
     values (@id, @clientId, @title, @description, @budgetType, @budgetMinMinor, @budgetMaxMinor,
       @currency, @experienceLevel, @status, @visibility, @deadline, @closedAt, @closeReason, @hiddenAt, @hiddenReason,
       @createdAt, @updatedAt)`,
  )
  const insertSkill = sqlite.prepare('insert or ignore into project_skills (project_id, skill_id) values (?, ?)')
  const ms = (date: Date | null | undefined) => (date ? date.getTime() : null)
  sqlite.transaction(() => {
    // Foreign keys are checked at commit: the skills of a project go in before the project.
    sqlite.pragma('defer_foreign_keys = ON')
    for (const project of rows) {
      for (const skillId of project.skillIds) insertSkill.run(project.id, skillId)
      const createdAt = project.createdAt ?? new Date()
      insertProject.run({
        id: project.id,
        clientId: project.clientId,
        title: project.title,
        description: project.description,
        budgetType: project.budgetType,
        budgetMinMinor: project.budgetMinMinor,
        budgetMaxMinor: project.budgetMaxMinor,
        currency: project.currency ?? 'USD',
        experienceLevel: project.experienceLevel,
        status: project.status ?? 'open',
        visibility: project.visibility ?? 'public',
        deadline: ms(project.deadline),
        closedAt: ms(project.closedAt),
        closeReason: project.closeReason ?? null,
        hiddenAt: ms(project.hiddenAt),
        hiddenReason: project.hiddenReason ?? null,
        createdAt: createdAt.getTime(),
        updatedAt: (project.updatedAt ?? createdAt).getTime(),
      })
    }
  })()
}
