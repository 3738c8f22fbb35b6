import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { at, createdAt, optionalRef, ref, sentCode, textId, timestamps, type OnDelete } from './columns'

import { ROLES } from '../../domain/enums'

export { ROLES, type Role } from '../../domain/enums'

export const users = sqliteTable(
  'users',
  {
    id: textId(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    passwordHash: text('password_hash').notNull(),
    blockedAt: at('blocked_at'),
    blockedReason: text('blocked_reason'),
    /**
     * The currency the member's own money pages show approximate amounts in ("≈ €1,234.56" beside
     * the real figure), or null for none. A display preference only: no money is ever converted by it.
     */
    displayCurrency: text('display_currency'),
    ...timestamps,
  },
  (t) => [index('users_role_idx').on(t.role), index('users_created_idx').on(t.createdAt)],
)

/** A required reference to a user (`onDelete` as in SQL; none given: a user it names cannot be deleted). */
export const userRef = <N extends string>(name: N, onDelete?: OnDelete) => ref(name, () => users.id, onDelete)

/** A reference to a user that may be empty (no one, or the system). */
export const optionalUserRef = <N extends string>(name: N, onDelete?: OnDelete) =>
  optionalRef(name, () => users.id, onDelete)

/** The first columns of a row that belongs to one user: its id, and the user (deleting the user deletes it). */
export const ownedByUser = () => ({ id: textId(), userId: userRef('user_id', 'cascade') })

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    ...ownedByUser(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    lastSeenAt: at('last_seen_at').notNull(),
    expiresAt: at('expires_at').notNull(),
    /** When this session last passed a second factor: sensitive changes need it within 10 minutes. */
    secondFactorAt: at('second_factor_at'),
    /** When this session last re-entered the password: an account with no factor needs it before adding its first. */
    passwordConfirmedAt: at('password_confirmed_at'),
    deviceId: text('device_id'),
    /** The session the account's sign-up began: its dashboard greets a newcomer, not "welcome back". */
    startedAtSignUp: integer('started_at_sign_up', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

/** Single-use password-reset codes, stored hashed. */
export const passwordResets = sqliteTable(
  'password_resets',
  {
    ...ownedByUser(),
    ...sentCode(),
    usedAt: at('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
)

/** How an email address change was confirmed: the member's code to the new address, or an admin putting an old one back. */
export const EMAIL_CHANGE_METHODS = ['code_to_new_address', 'restored_by_admin'] as const
export type EmailChangeMethod = (typeof EMAIL_CHANGE_METHODS)[number]

/**
 * Every change of an account's email address, written in the same transaction as the change: the
 * full previous address is kept (the security log masks it) so an admin can put it back after a takeover.
 */
export const emailChanges = sqliteTable(
  'email_changes',
  {
    ...ownedByUser(),
    oldEmail: text('old_email').notNull(),
    newEmail: text('new_email').notNull(),
    confirmedBy: text('confirmed_by', { enum: EMAIL_CHANGE_METHODS }).notNull(),
    /** For a restore: the admin who made it (kept null if their account is deleted), and the reason they gave. */
    adminId: optionalUserRef('admin_id', 'set null'),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [index('email_changes_user_idx').on(t.userId, t.createdAt)],
)

/**
 * A form an admin sent without a recent second factor, kept for the page they return to once
 * confirmed: tied to their session (gone with it), short-lived, read once, never holding secrets.
 */
export const stepUpDrafts = sqliteTable(
  'step_up_drafts',
  {
    id: textId(),
    sessionId: ref('session_id', () => sessions.id, 'cascade'),
    /** The page the form was sent from (its path, without the query). */
    path: text('path').notNull(),
    fields: text('fields', { mode: 'json' }).$type<Record<string, string | string[]>>().notNull(),
    expiresAt: at('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('step_up_drafts_session_path_idx').on(t.sessionId, t.path)],
)
