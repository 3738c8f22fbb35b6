import { eq, sql } from 'drizzle-orm'
import { getDb } from './db.server'
import { analyticsReportSends, analyticsReportSubscriptions } from './schema'
import { findRow } from './query-helpers.server'

export async function isSubscribedToWeeklyReport(userId: string): Promise<boolean> {
  return Boolean(findRow(analyticsReportSubscriptions, eq(analyticsReportSubscriptions.userId, userId)))
}

export async function subscribeToWeeklyReport(userId: string, at: Date): Promise<void> {
  getDb().insert(analyticsReportSubscriptions).values({ userId, createdAt: at }).onConflictDoNothing().run()
}

export async function unsubscribeFromWeeklyReport(userId: string): Promise<void> {
  getDb().delete(analyticsReportSubscriptions).where(eq(analyticsReportSubscriptions.userId, userId)).run()
}

/** Admins (still admins, not blocked) who asked for the weekly report. */
export async function listWeeklyReportSubscribers() {
  return getDb().all<{ userId: string; email: string; name: string }>(sql`select u.id as userId, u.email, u.name
    from analytics_report_subscriptions s join users u on u.id = s.user_id
    where u.role = 'admin' and u.blocked_at is null order by u.id`)
}

/** Claims the week's report for the admin; false when it was already claimed (sent or being sent). */
export async function claimWeeklyReport(userId: string, week: string, at: Date): Promise<boolean> {
  const result = getDb().insert(analyticsReportSends).values({ userId, week, sentAt: at }).onConflictDoNothing().run()
  return result.changes === 1
}
