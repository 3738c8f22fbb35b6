import { and, count, desc, eq, isNull, sql } from 'drizzle-orm'
import type { NotificationKind } from '../domain/enums'
import { getDb } from './db.server'
import { preparedQuery, preparedStatement } from './prepared-query.server'
import { notificationPreferences, notifications } from './schema'
import { insertRow } from './query-helpers.server'

export type Notification = typeof notifications.$inferSelect
export type NewNotification = Pick<Notification, 'userId' | 'kind' | 'title' | 'body' | 'link'>

export async function insertNotification(input: NewNotification): Promise<Notification> {
  return insertRow(notifications, { id: crypto.randomUUID(), ...input, createdAt: new Date() })
}

export async function listNotifications(userId: string, { limit, offset }: { limit: number; offset: number }) {
  return (
    getDb()
      .select()
      .from(notifications)
      .where(eq(notifications.userId, userId))
      // rowid breaks ties between notifications created in the same millisecond: newest first still.
      .orderBy(desc(notifications.createdAt), sql`rowid desc`)
      .limit(limit)
      .offset(offset)
      .all()
  )
}

export async function countNotifications(userId: string): Promise<number> {
  return getDb().select({ n: count() }).from(notifications).where(eq(notifications.userId, userId)).get()?.n ?? 0
}

// The portal menu counts them on every page: prepared once.
const unreadCount = preparedQuery((db) =>
  db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, sql.placeholder('userId')), isNull(notifications.readAt)))
    .prepare(),
)

export async function countUnreadNotifications(userId: string): Promise<number> {
  return unreadCount().get({ userId })?.n ?? 0
}

// Every portal page view asks both: one statement.
const unreadAboutPage = preparedStatement<{ unread: number; aboutPage: number }>(`
  select count(*) as unread,
    coalesce(sum(link = @path or substr(link, 1, @prefixLength) in (@withQuery, @withHash)), 0) as aboutPage
  from notifications where user_id = @userId and read_at is null`)

/** The user's unread notifications, and how many of them lead to `path` (with or without a query). */
export async function countUnreadNotificationsAbout(
  userId: string,
  path: string,
): Promise<{ unread: number; aboutPage: number }> {
  return unreadAboutPage().get({ userId, ...linkParams(path) })!
}

/** Marks one of the user's notifications read; returns it, or undefined when it is not theirs. */
export async function markNotificationRead(userId: string, id: string): Promise<Notification | undefined> {
  const db = getDb()
  const found = db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .get()
  if (found && !found.readAt) {
    db.update(notifications).set({ readAt: new Date() }).where(eq(notifications.id, id)).run()
  }
  return found
}

export async function markAllNotificationsRead(userId: string): Promise<number> {
  return getDb()
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .run().changes
}

/** Marks read the user's unread notifications that lead to `path` (with or without a query). */
// Every portal page view runs it: prepared once.
const readByLink = preparedQuery((db) =>
  db
    .update(notifications)
    // read_at holds milliseconds (timestamp_ms); a placeholder inside sql`` is passed as it is.
    .set({ readAt: sql`${sql.placeholder('atMs')}` })
    .where(
      and(
        eq(notifications.userId, sql.placeholder('userId')),
        isNull(notifications.readAt),
        sql`(${notifications.link} = ${sql.placeholder('path')} or substr(${notifications.link}, 1, ${sql.placeholder('prefixLength')}) in (${sql.placeholder('withQuery')}, ${sql.placeholder('withHash')}))`,
      ),
    )
    .prepare(),
)

export async function markNotificationsReadByLink(userId: string, path: string, at = new Date()): Promise<number> {
  return readByLink().run({ userId, atMs: at.getTime(), ...linkParams(path) }).changes
}

/** The values that match a notification's link to `path`, bare or followed by a query or a hash. */
function linkParams(path: string) {
  return { path, prefixLength: path.length + 1, withQuery: `${path}?`, withHash: `${path}#` }
}

/** The kinds this user turned email off for (the default is on). */
export async function listEmailOptOuts(userId: string): Promise<Set<NotificationKind>> {
  const rows = getDb()
    .select({ kind: notificationPreferences.kind })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.email, false)))
    .all()
  return new Set(rows.map((row) => row.kind))
}

export async function saveEmailPreferences(userId: string, emailOn: Record<NotificationKind, boolean>): Promise<void> {
  const db = getDb()
  db.transaction((tx) => {
    tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId)).run()
    const rows = Object.entries(emailOn).map(([kind, email]) => ({ userId, kind: kind as NotificationKind, email }))
    if (rows.length) tx.insert(notificationPreferences).values(rows).run()
  })
}

/** Turns email for one kind on or off, leaving the others as they are. */
export async function setEmailPreference(userId: string, kind: NotificationKind, email: boolean): Promise<void> {
  getDb()
    .insert(notificationPreferences)
    .values({ userId, kind, email })
    .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { email } })
    .run()
}
