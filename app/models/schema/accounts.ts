import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

import { ROLES } from '../../domain/enums'

export { ROLES, type Role } from '../../domain/enums'

const timestamps = {
  createdAt: integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`)
    .$onUpdate(() => new Date()),
}

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    passwordHash: text('password_hash').notNull(),
    blockedAt: integer('blocked_at', { mode: 'timestamp_ms' }),
    blockedReason: text('blocked_reason'),
    ...timestamps,
  },
  (t) => [index('users_role_idx').on(t.role), index('users_created_idx').on(t.createdAt)],
)

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    /** When this session last passed a second factor: sensitive changes need it within 10 minutes. */
    secondFactorAt: integer('second_factor_at', { mode: 'timestamp_ms' }),
    /** When this session last re-entered the password: an account with no factor needs it before adding its first. */
    passwordConfirmedAt: integer('password_confirmed_at', { mode: 'timestamp_ms' }),
    deviceId: text('device_id'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

/** Single-use password-reset codes, stored hashed. */
export const passwordResets = sqliteTable(
  'password_resets',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
)

export { timestamps }
