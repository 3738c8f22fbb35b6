import { and, count, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm'
import { PROPOSAL_MACHINE } from '~/domain/proposal-machine'
import { fromStates } from '~/domain/state-machine'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { getDb } from './db.server'
import { preparedQuery } from './prepared-query.server'
import { projectInvitations, projectSkills, projects, proposals, skills, users } from './schema'
import { countRows, findRow, listColumn, pageOf, userName } from './query-helpers.server'

export type Project = typeof projects.$inferSelect

/** A client's projects by status, on every client dashboard load: prepared once. */
const clientProjectsByStatus = preparedQuery((db) =>
  db
    .select({ status: projects.status, n: count() })
    .from(projects)
    .where(eq(projects.clientId, sql.placeholder('clientId')))
    .groupBy(projects.status)
    .prepare(),
)

export async function countProjectsByStatus(clientId?: string): Promise<{ open: number; closed: number }> {
  const rows = clientId
    ? clientProjectsByStatus().all({ clientId })
    : getDb().select({ status: projects.status, n: count() }).from(projects).groupBy(projects.status).all()
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

/** A JSON array bound as one value: `column in (select value from json_each(?))` keeps a query prepared whatever the list's length. */
const inJsonList = (column: SQLiteColumn, name: string) =>
  sql`${column} in (select value from json_each(${sql.placeholder(name)}))`

// The dashboards run these on every load: prepared once.
const dashboardQueries = preparedQuery((db) => ({
  skillsOfProjects: db
    .select({ projectId: projectSkills.projectId, name: skills.name })
    .from(projectSkills)
    .innerJoin(skills, eq(skills.id, projectSkills.skillId))
    .where(inJsonList(projectSkills.projectId, 'projectIds'))
    .orderBy(skills.name)
    .prepare(),
}))

/** Open projects that ask for at least one of the given skills, newest first, with how many skills match. */
export async function listSkillsOfProjects(projectIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>()
  if (projectIds.length === 0) return result
  const rows = dashboardQueries().skillsOfProjects.all({ projectIds: JSON.stringify(projectIds) })
  for (const row of rows) result.set(row.projectId, [...(result.get(row.projectId) ?? []), row.name])
  return result
}

/** One project's skill names, A to Z. */
export async function listSkillsOfProject(projectId: string): Promise<string[]> {
  return (await listSkillsOfProjects([projectId])).get(projectId) ?? []
}

export async function insertProjects(
  rows: Array<typeof projects.$inferInsert & { skillIds: number[] }>,
): Promise<void> {
  const db = getDb()
  db.transaction((tx) => {
    for (const { skillIds, ...project } of rows) {
      tx.insert(projects).values(project).run()
      if (skillIds.length)
        tx.insert(projectSkills)
          .values(skillIds.map((skillId) => ({ projectId: project.id, skillId })))
          .run()
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

// ---------------------------------------------------------------------------------------------
// Posting, editing, closing and moderating projects; invitations.
// ---------------------------------------------------------------------------------------------

export type NewProject = Omit<
  typeof projects.$inferInsert,
  'id' | 'status' | 'closedAt' | 'closeReason' | 'hiddenAt' | 'hiddenReason'
>
export type ProjectChanges = Pick<
  typeof projects.$inferInsert,
  | 'title'
  | 'description'
  | 'budgetType'
  | 'budgetMinMinor'
  | 'budgetMaxMinor'
  | 'currency'
  | 'deadline'
  | 'experienceLevel'
  | 'visibility'
>

/** Canonical skill names → ids; every name must already be in the skills table or is created. */
async function skillIdsFor(names: string[]): Promise<number[]> {
  if (names.length === 0) return []
  const db = getDb()
  db.insert(skills)
    .values(names.map((name) => ({ name })))
    .onConflictDoNothing()
    .run()
  return listColumn(skills.id, inArray(skills.name, names))
}

export async function findProject(id: string): Promise<Project | undefined> {
  return findRow(projects, eq(projects.id, id))
}

/** Inserts a project with its skills (the search index triggers pick both up). Returns its id. */
export async function createProjectWithSkills(values: NewProject, skillNames: string[]): Promise<string> {
  const skillIds = await skillIdsFor(skillNames)
  const id = crypto.randomUUID()
  getDb().transaction((tx) => {
    tx.insert(projects)
      .values({ ...values, id })
      .run()
    if (skillIds.length)
      tx.insert(projectSkills)
        .values(skillIds.map((skillId) => ({ projectId: id, skillId })))
        .run()
  })
  return id
}

/** Replaces a project's details and skills; the delete/insert triggers keep the search index's skills current. */
export async function updateProjectWithSkills(
  projectId: string,
  changes: ProjectChanges,
  skillNames: string[],
): Promise<void> {
  const skillIds = await skillIdsFor(skillNames)
  getDb().transaction((tx) => {
    tx.update(projects).set(changes).where(eq(projects.id, projectId)).run()
    tx.delete(projectSkills).where(eq(projectSkills.projectId, projectId)).run()
    if (skillIds.length)
      tx.insert(projectSkills)
        .values(skillIds.map((skillId) => ({ projectId, skillId })))
        .run()
  })
}

/**
 * Closes an open project without a hire and marks every submitted proposal not_hired, in one
 * transaction. Returns the proposals that changed (to tell their freelancers), or null when the
 * project was not open.
 */
export async function closeProjectWithoutHire(projectId: string, now = new Date()) {
  return getDb().transaction((tx) => {
    const closed = tx
      .update(projects)
      .set({ status: 'closed', closeReason: 'no_hire', closedAt: now })
      .where(and(eq(projects.id, projectId), eq(projects.status, 'open')))
      .returning({ id: projects.id })
      .all()
    if (closed.length === 0) return null
    return tx
      .update(proposals)
      .set({ status: 'not_hired', decidedAt: now })
      .where(
        and(eq(proposals.projectId, projectId), inArray(proposals.status, fromStates(PROPOSAL_MACHINE, 'not_hire'))),
      )
      .returning({ id: proposals.id, freelancerId: proposals.freelancerId })
      .all()
  })
}

/** Opens a project closed without a hire again; false when it is not in that state. */
export async function reopenProject(projectId: string): Promise<boolean> {
  const rows = getDb()
    .update(projects)
    .set({ status: 'open', closeReason: null, closedAt: null })
    .where(and(eq(projects.id, projectId), eq(projects.status, 'closed'), eq(projects.closeReason, 'no_hire')))
    .returning({ id: projects.id })
    .all()
  return rows.length > 0
}

export async function setProjectHidden(projectId: string, hidden: { at: Date; reason: string } | null): Promise<void> {
  getDb()
    .update(projects)
    .set({ hiddenAt: hidden?.at ?? null, hiddenReason: hidden?.reason ?? null })
    .where(eq(projects.id, projectId))
    .run()
}

/** The client's projects, newest first, with how many proposals each has (all and still submitted). */
/**
 * A client's newest open projects, at most `limit`, with what the invite rule reads (services:
 * `ownerActions`). For a freelancer's profile, read on every client's visit: no counts, no closed ones.
 */
export async function listNewestOpenProjectsOfClient(clientId: string, limit: number) {
  return getDb()
    .select({
      id: projects.id,
      title: projects.title,
      status: projects.status,
      closeReason: projects.closeReason,
      hiddenAt: projects.hiddenAt,
    })
    .from(projects)
    .where(and(eq(projects.clientId, clientId), eq(projects.status, 'open'), isNull(projects.hiddenAt)))
    .orderBy(desc(projects.createdAt))
    .limit(limit)
    .all()
}

/** A client's projects by status, for the tabs of "Your projects". */
export async function countProjectsOfClientByStatus(clientId: string): Promise<{ open: number; closed: number }> {
  const row = getDb()
    .select({
      open: sql<number>`coalesce(sum(${projects.status} = 'open'), 0)`,
      closed: sql<number>`coalesce(sum(${projects.status} = 'closed'), 0)`,
    })
    .from(projects)
    .where(eq(projects.clientId, clientId))
    .get()
  return { open: row?.open ?? 0, closed: row?.closed ?? 0 }
}

/** One page of a client's projects (newest first, of one status or all), each with its proposal counts. */
export async function listProjectsOfClientWithCounts(
  clientId: string,
  { status, limit, offset }: { status?: 'open' | 'closed'; limit: number; offset: number },
) {
  return getDb()
    .select({
      id: projects.id,
      title: projects.title,
      status: projects.status,
      closeReason: projects.closeReason,
      visibility: projects.visibility,
      budgetType: projects.budgetType,
      budgetMinMinor: projects.budgetMinMinor,
      budgetMaxMinor: projects.budgetMaxMinor,
      currency: projects.currency,
      hiddenAt: projects.hiddenAt,
      createdAt: projects.createdAt,
      // Qualified by hand: in a one-table select drizzle writes a column of the select list unqualified,
      // so `${projects.id}` came out as "id", which inside the subquery is the proposal's own id (every
      // count read 0, after a scan of all proposals).
      proposals: sql<number>`(select count(*) from proposals p where p.project_id = "projects"."id")`,
      submitted: sql<number>`(select count(*) from proposals p where p.project_id = "projects"."id" and p.status = 'submitted')`,
    })
    .from(projects)
    .where(status ? and(eq(projects.clientId, clientId), eq(projects.status, status)) : eq(projects.clientId, clientId))
    .orderBy(desc(projects.createdAt), desc(projects.id))
    .limit(limit)
    .offset(offset)
    .all()
}

/** Proposal counts of one project by status. */
export async function countProposalsOfProject(projectId: string): Promise<{ total: number; submitted: number }> {
  const rows = getDb()
    .select({ status: proposals.status, n: count() })
    .from(proposals)
    .where(eq(proposals.projectId, projectId))
    .groupBy(proposals.status)
    .all()
  let total = 0
  let submitted = 0
  for (const row of rows) {
    total += row.n
    if (row.status === 'submitted') submitted = row.n
  }
  return { total, submitted }
}

/** The freelancer's proposal on a project, if any (read-only here; the proposals pages own it). */
export async function findProposalOfFreelancer(projectId: string, freelancerId: string) {
  return getDb()
    .select({ id: proposals.id, status: proposals.status })
    .from(proposals)
    .where(and(eq(proposals.projectId, projectId), eq(proposals.freelancerId, freelancerId)))
    .get()
}

export type ProjectInvitation = typeof projectInvitations.$inferSelect

export async function findInvitation(projectId: string, freelancerId: string): Promise<ProjectInvitation | undefined> {
  return findRow(
    projectInvitations,
    and(eq(projectInvitations.projectId, projectId), eq(projectInvitations.freelancerId, freelancerId)),
  )
}

export async function findInvitationById(id: string): Promise<ProjectInvitation | undefined> {
  return findRow(projectInvitations, eq(projectInvitations.id, id))
}

/** Inserts an invitation; false when this freelancer is already invited to the project. */
export async function insertInvitation(
  values: Pick<ProjectInvitation, 'projectId' | 'freelancerId' | 'message'>,
): Promise<string | null> {
  const id = crypto.randomUUID()
  const rows = getDb()
    .insert(projectInvitations)
    .values({ id, ...values })
    .onConflictDoNothing()
    .returning({ id: projectInvitations.id })
    .all()
  return rows.length ? id : null
}

/** Answers a pending invitation; false when it was already answered. */
export async function answerInvitation(
  id: string,
  status: 'accepted' | 'declined',
  now = new Date(),
): Promise<boolean> {
  const rows = getDb()
    .update(projectInvitations)
    .set({ status, respondedAt: now })
    .where(and(eq(projectInvitations.id, id), eq(projectInvitations.status, 'pending')))
    .returning({ id: projectInvitations.id })
    .all()
  return rows.length > 0
}

/** Pending invitations of a freelancer who has since sent a proposal on the project count as accepted. */
export async function acceptInvitationsAnsweredByProposals(freelancerId: string, now = new Date()): Promise<void> {
  getDb()
    .update(projectInvitations)
    .set({ status: 'accepted', respondedAt: now })
    .where(
      and(
        eq(projectInvitations.freelancerId, freelancerId),
        eq(projectInvitations.status, 'pending'),
        sql`exists (select 1 from proposals p where p.project_id = ${projectInvitations.projectId} and p.freelancer_id = ${freelancerId})`,
      ),
    )
    .run()
}

/** A freelancer's invitations, newest first, with the project and the client who sent them. */
export async function listInvitationsOfFreelancer(freelancerId: string) {
  return getDb()
    .select({
      id: projectInvitations.id,
      status: projectInvitations.status,
      message: projectInvitations.message,
      createdAt: projectInvitations.createdAt,
      respondedAt: projectInvitations.respondedAt,
      projectId: projects.id,
      projectTitle: projects.title,
      projectStatus: projects.status,
      projectHidden: sql<boolean>`${projects.hiddenAt} is not null`,
      clientName: userName(projects.clientId),
    })
    .from(projectInvitations)
    .innerJoin(projects, eq(projects.id, projectInvitations.projectId))
    .where(eq(projectInvitations.freelancerId, freelancerId))
    .orderBy(desc(projectInvitations.createdAt))
    .all()
}

/** A project's invitations the freelancers have answered, most recently answered first. */
export async function listAnsweredInvitationsOfProject(projectId: string) {
  return getDb()
    .select({
      id: projectInvitations.id,
      status: projectInvitations.status,
      respondedAt: projectInvitations.respondedAt,
      freelancerId: users.id,
      freelancerName: users.name,
    })
    .from(projectInvitations)
    .innerJoin(users, eq(users.id, projectInvitations.freelancerId))
    .where(and(eq(projectInvitations.projectId, projectId), ne(projectInvitations.status, 'pending')))
    .orderBy(desc(projectInvitations.respondedAt))
    .all()
}

export type AdminProjectFilter = { query?: string; state?: 'visible' | 'hidden'; page: number; pageSize: number }

/** Projects for moderation: title search, visible/hidden filter, newest first. */
export async function listProjectsForAdmin(filter: AdminProjectFilter) {
  const db = getDb()
  const conditions = [
    filter.query
      ? sql`${projects.title} like ${`%${filter.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`
      : undefined,
    filter.state === 'hidden' ? sql`${projects.hiddenAt} is not null` : undefined,
    filter.state === 'visible' ? sql`${projects.hiddenAt} is null` : undefined,
  ].filter(Boolean)
  const where = conditions.length ? and(...conditions) : undefined
  const list = db
    .select({
      id: projects.id,
      title: projects.title,
      status: projects.status,
      visibility: projects.visibility,
      hiddenAt: projects.hiddenAt,
      hiddenReason: projects.hiddenReason,
      createdAt: projects.createdAt,
      clientId: users.id,
      clientName: users.name,
    })
    .from(projects)
    .innerJoin(users, eq(users.id, projects.clientId))
    .where(where)
    .orderBy(desc(projects.createdAt))
  return { rows: pageOf(list.$dynamic(), filter).all(), total: countRows(projects, where) }
}
