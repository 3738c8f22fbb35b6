import { countOpenContactRequests } from '~/models/contact-requests.server'
import { countUnreadMessages } from '~/models/conversations.server'
import { countPendingFraudAlerts } from '~/models/fraud-alerts.server'
import type { Role } from '~/domain/enums'
import {
  countNotifications,
  countUnreadNotifications,
  countUnreadNotificationsAbout,
  listEmailOptOuts,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  markNotificationsReadByLink,
  saveEmailPreferences,
} from '~/models/notifications.server'
import { safeRedirect } from '~/utils/safe-redirect'
import { formatDateTimeIn } from '~/utils/format'
import { timeZoneOf } from '~/services/meetings/availability.server'
import { pageShown } from '~/domain/paging'
import { emailPreferencesFromForm, notificationKindLabel, notificationKindsFor, preferenceRows } from './preferences'

const NOTIFICATIONS_PAGE_SIZE = 20

/** One page of the user's notifications, newest first, with the unread count. */
export async function loadNotificationCentre(userId: string, page: number) {
  const [total, unread, zone] = await Promise.all([
    countNotifications(userId),
    countUnreadNotifications(userId),
    timeZoneOf(userId),
  ])
  const current = pageShown(Math.max(1, page), total, NOTIFICATIONS_PAGE_SIZE)
  const rows = await listNotifications(userId, {
    limit: NOTIFICATIONS_PAGE_SIZE,
    offset: (current - 1) * NOTIFICATIONS_PAGE_SIZE,
  })
  return {
    page: current,
    pageSize: NOTIFICATIONS_PAGE_SIZE,
    total,
    unread,
    notifications: rows.map((row) => ({
      id: row.id,
      kindLabel: notificationKindLabel(row.kind).label,
      title: row.title,
      body: row.body,
      hasLink: Boolean(row.link),
      read: row.readAt !== null,
      createdAt: row.createdAt,
      // On the reader's clock (their meetings' time zone), as their meetings are shown.
      createdAtText: formatDateTimeIn(row.createdAt, zone),
    })),
  }
}

/**
 * Marks the notification read and says where it leads (a path inside the app), or null when it is
 * not this user's. A notification without a link leads back to the centre.
 */
export async function openNotification(userId: string, notificationId: string): Promise<string | null> {
  const found = await markNotificationRead(userId, notificationId)
  if (!found) return null
  return safeRedirect(found.link, '/notifications')
}

/**
 * Opening the page a notification is about reads it, however the person got there (the centre, an
 * email, the dashboard, a bookmark): each portal page view marks its own path's notifications.
 */
/** Marks one read; false when it is not this user's. */
export async function markRead(userId: string, notificationId: string): Promise<boolean> {
  return Boolean(await markNotificationRead(userId, notificationId))
}

export async function markAllRead(userId: string): Promise<number> {
  return markAllNotificationsRead(userId)
}

/**
 * Counts shown next to portal menu items, keyed by the item's path, after the visit to `visitedPath`
 * has read the notifications about that page. Only non-zero counts are listed; other areas add
 * theirs here (e.g. unread messages under '/messages').
 */
async function loadMenuBadges(user: { id: string; role: Role }, visitedPath: string): Promise<Record<string, number>> {
  const badges: Record<string, number> = {}
  const counts = await countUnreadNotificationsAbout(user.id, visitedPath)
  let unread = counts.unread
  // Only a page with unread notifications about it writes (a write takes the database's one lock).
  if (counts.aboutPage > 0) unread -= await markNotificationsReadByLink(user.id, visitedPath)
  if (unread > 0) badges['/notifications'] = unread
  if (user.role === 'admin') {
    const [open, alerts] = await Promise.all([countOpenContactRequests(), countPendingFraudAlerts()])
    if (open > 0) badges['/admin/contact-requests'] = open
    if (alerts > 0) badges['/admin/fraud'] = alerts
  } else {
    const messages = await countUnreadMessages(user.id)
    if (messages > 0) badges['/messages'] = messages
  }
  return badges
}

/**
 * What the portal's menu needs for a page view: the role and the menu's counts, counted after the
 * visit has read the notifications about this page.
 */
export async function loadPortalMenu(user: { id: string; role: Role }, pathname: string) {
  return { role: user.role, badges: await loadMenuBadges(user, pathname) }
}

export async function loadEmailPreferences(userId: string, role: Role) {
  return preferenceRows(await listEmailOptOuts(userId), role)
}

/** Saves the ticked kinds as "email on" and every other kind the role's page shows as "email off". */
export async function saveEmailPreferencesFromForm(userId: string, role: Role, ticked: readonly unknown[]) {
  const shown = notificationKindsFor(role)
  const preferences = emailPreferencesFromForm(ticked, shown, await listEmailOptOuts(userId))
  await saveEmailPreferences(userId, preferences)
  return { preferences, shown }
}
