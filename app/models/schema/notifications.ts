import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { at, createdAt, statusColumn, textId } from './columns'
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
    createdAt: createdAt(),
  },
  (t) => [index('contact_requests_status_idx').on(t.status, t.createdAt)],
)
