import { and, asc, eq, sql } from 'drizzle-orm'
import type { SavedSearchKind } from '~/domain/enums'
import { getDb } from './db.server'
import { deleteOwnedRow } from './owned-rows.server'
import { savedSearches } from './schema'
import { findRow, insertRow, listRows, updateRows } from './query-helpers.server'

export type SavedSearch = typeof savedSearches.$inferSelect

export async function listSavedSearchesOf(userId: string): Promise<SavedSearch[]> {
  return listRows(savedSearches, eq(savedSearches.userId, userId), asc(savedSearches.createdAt))
}

export async function countSavedSearchesOf(userId: string): Promise<number> {
  return getDb().get<{ n: number }>(sql`select count(*) as n from saved_searches where user_id = ${userId}`)?.n ?? 0
}

export async function findSavedSearchOf(userId: string, id: string): Promise<SavedSearch | undefined> {
  return findRow(savedSearches, and(eq(savedSearches.id, id), eq(savedSearches.userId, userId)))
}

export async function findSavedSearchByQuery(
  userId: string,
  kind: SavedSearchKind,
  query: string,
): Promise<SavedSearch | undefined> {
  return findRow(
    savedSearches,
    and(eq(savedSearches.userId, userId), eq(savedSearches.kind, kind), eq(savedSearches.query, query)),
  )
}

export async function insertSavedSearch(input: {
  userId: string
  kind: SavedSearchKind
  name: string
  query: string
  notify: boolean
  checkedAt: Date
}) {
  return insertRow(savedSearches, { id: crypto.randomUUID(), ...input })
}

export async function deleteSavedSearchOf(userId: string, id: string): Promise<boolean> {
  return deleteOwnedRow(savedSearches, savedSearches.userId, userId, savedSearches.id, id)
}

export async function renameSavedSearchOf(userId: string, id: string, name: string): Promise<boolean> {
  return updateRows(savedSearches, { name }, and(eq(savedSearches.id, id), eq(savedSearches.userId, userId)))
}

/** Turning alerts on starts counting from now, so old projects do not arrive as "new". */
export async function setSavedSearchNotify(userId: string, id: string, notify: boolean, now: Date): Promise<boolean> {
  const set = notify ? { notify, checkedAt: now } : { notify }
  return updateRows(savedSearches, set, and(eq(savedSearches.id, id), eq(savedSearches.userId, userId)))
}

/** Every saved search with alerts on (of users who are not blocked); `kind`: of that kind only. */
export async function listAlertingSavedSearches(kind?: SavedSearchKind): Promise<SavedSearch[]> {
  return listRows(
    savedSearches,
    and(
      eq(savedSearches.notify, true),
      kind ? eq(savedSearches.kind, kind) : undefined,
      sql`${savedSearches.userId} in (select id from users where blocked_at is null)`,
    ),
    asc(savedSearches.checkedAt),
  )
}

/**
 * Moves a search's "checked up to" mark from `from` to `to`; false when someone else (the job or a
 * new project) moved it first, so each project is announced once.
 */
export async function advanceSavedSearchCheck(id: string, from: Date, to: Date): Promise<boolean> {
  return updateRows(savedSearches, { checkedAt: to }, and(eq(savedSearches.id, id), eq(savedSearches.checkedAt, from)))
}
