import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { at, createdAt, optionalRef, statusColumn, textId } from './columns'
import { fraudAlerts } from './fraud'
import { optionalUserRef, ownedByUser, userRef } from './accounts'
import { CONTACT_STATUSES, NOTIFICATION_KINDS } from '../../domain/enums'

export const notifications = sqliteTable(
  'notifications',
  {
    ...ownedByUser(),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** Where the notification leads, a path inside the app. */
    link: text('link'),
    readAt: at('read_at'),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
)

/** Which kinds of notification also go by email. No row means the default (email on). */
export const notificationPreferences = sqliteTable(
  'notification_preferences',
  {
    userId: userRef('user_id', 'cascade'),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    email: integer('email', { mode: 'boolean' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
)

/**
 * Reminders sent before a window closes: a dispute's response (kind `dispute_response`, subject the
 * dispute) and a contract's reviews (`review_window`, subject the contract). The primary key is what
 * makes each go to each person once, however often the job runs and on however many servers.
 */
export const deadlineReminders = sqliteTable(
  'deadline_reminders',
  {
    kind: text('kind', { enum: ['dispute_response', 'review_window'] }).notNull(),
    subjectId: text('subject_id').notNull(),
    userId: userRef('user_id', 'cascade'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.subjectId, t.userId] })],
)

/** A question sent to the admins from the help centre. */
export const contactRequests = sqliteTable(
  'contact_requests',
  {
    id: textId(),
    userId: optionalUserRef('user_id', 'set null'),
    name: text('name').notNull(),
    email: text('email').notNull(),
    topic: text('topic').notNull(),
    message: text('message').notNull(),
    status: statusColumn(CONTACT_STATUSES).default('open'),
    /** A report's page (a project, profile, proposal or conversation), when it is about one. */
    aboutPath: text('about_path'),
    /** The person a member's report is about (the project's owner, the profile's person, the other side of a thread). */
    subjectId: optionalUserRef('subject_id', 'set null'),
    /** The fraud desk's alert this report is part of. */
    fraudAlertId: optionalRef('fraud_alert_id', () => fraudAlerts.id, 'set null'),
    createdAt: createdAt(),
  },
  (t) => [
    index('contact_requests_status_idx').on(t.status, t.createdAt),
    index('contact_requests_reporter_idx').on(t.userId, t.aboutPath),
  ],
)
