import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { at, createdAt, statusColumn, textId } from './columns'

/** What a message is, so an admin can tell messages apart when only metadata is kept. */
export const OUTBOX_KINDS = [
  'welcome',
  'password_reset',
  'password_changed',
  'account_blocked',
  'account_unblocked',
  'notification',
  'security_alert',
  'security_code',
  'sign_up_code',
  'sign_up_existing_account',
  'contact_request',
  'contact_reply',
  'sms_code',
  'email_change_code',
  'email_change_taken',
  'email_changed',
  'email_restored',
] as const
export type OutboxKind = (typeof OUTBOX_KINDS)[number]

/** A file sent with a message (e.g. a calendar invitation), its text content kept as written; a binary file (a PDF) in base64. */
export type OutboxAttachment = { filename: string; contentType: string; content: string; encoding?: 'base64' }

/**
 * Every email and text the app sends. Through SMTP or Twilio only metadata is kept (never the
 * body); without them this table is the offline mailbox admins read at /admin/outbox, and a body
 * that carries a code is erased when the code expires (`expiresAt`).
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: textId(),
    to: text('to').notNull(),
    /** Never holds a code: a code in the sent subject is masked here. */
    subject: text('subject').notNull(),
    kind: text('kind', { enum: OUTBOX_KINDS }).notNull().default('notification'),
    /** The body, only in the offline outbox; null when sent through a provider or erased. */
    text: text('text'),
    /** Files sent with it, kept like the body: only in the offline outbox. */
    attachments: text('attachments', { mode: 'json' }).$type<OutboxAttachment[]>(),
    /** When a body carrying a code is erased (the code's own expiry). */
    expiresAt: at('expires_at'),
    transport: text('transport', { enum: ['outbox', 'smtp', 'twilio'] }).notNull(),
    status: statusColumn(['stored', 'sent', 'failed']),
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [
    index('outbox_to_idx').on(t.to),
    index('outbox_created_idx').on(t.createdAt),
    index('outbox_expires_idx').on(t.expiresAt),
  ],
)
