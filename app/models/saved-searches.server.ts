import { and, asc, eq, sql } from 'drizzle-orm'
import { getDb } from './db.server'
import { deleteOwnedRow } from './owned-rows.server'
import { savedSearches } from './schema'

export type SavedSearch = typeof savedSearches.$inferSelect

export async function listSavedSearchesOf(userId: string): Promise<SavedSearch[]> {
  return getDb()
    .select()
    .from(savedSearches)
    .where(eq(savedSearches.userId, userId))
    .orderBy(asc(savedSearches.createdAt))
    .all()
}

export async function countSavedSearchesOf(userId: string): Promise<number> {
  return getDb().get<{ n: number }>(sql`select count(*) as n from saved_searches where user_id = ${userId}`)?.n ?? 0
}

export async function findSavedSearchOf(userId: string, id: string): Promise<SavedSearch | undefined> {
  return getDb()
    .select()
    .from(savedSearches)
    .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, userId)))
    .get()
}

export async function findSavedSearchByQuery(userId: string, query: string): Promise<SavedSearch | undefined> {
  return getDb()
    .select()
    .from(savedSearches)
    .where(and(eq(savedSearches.userId, userId), eq(savedSearches.query, query)))
    .get()
}

export async function insertSavedSearch(input: {
  userId: string
  name: string
  query: string
  notify: boolean
  checkedAt: Date
}) {
  return getDb()
    .insert(savedSearches)
    .values({ id: crypto.randomUUID(), ...input })
    .returning()
    .get()
}

export async function deleteSavedSearchOf(userId: string, id: string): Promise<boolean> {
  return deleteOwnedRow(savedSearches, savedSearches.userId, userId, savedSearches.id, id)
}

/** Turning alerts on starts counting from now, so old projects do not arrive as "new". */
export async function setSavedSearchNotify(userId: string, id: string, notify: boolean, now: Date): Promise<boolean> {
  const set = notify ? { notify, checkedAt: now } : { notify }
  return (
    getDb()
      .update(savedSearches)
      .set(set)
      .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, userId)))
      .run().changes > 0
  )
}

/** Every saved search with alerts on (of users who are not blocked). */
export async function listAlertingSavedSearches(): Promise<SavedSearch[]> {
  return getDb()
    .select()
    .from(savedSearches)
    .where(
      and(
        eq(savedSearches.notify, true),
        sql`${savedSearches.userId} in (select id from users where blocked_at is null)`,
      ),
    )
    .orderBy(asc(savedSearches.checkedAt))
    .all()
}

/**
 * Moves a search's "checked up to" mark from `from` to `to`; false when someone else (the job or a
 * new project) moved it first, so each project is announced once.
 */
export async function advanceSavedSearchCheck(id: string, from: Date, to: Date): Promise<boolean> {
  return (
    getDb()
      .update(savedSearches)
      .set({ checkedAt: to })
      .where(and(eq(savedSearches.id, id), eq(savedSearches.checkedAt, from)))
      .run().changes > 0
  )
}
