import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from './accounts'
import { contracts, proposals } from './contracts'
import { uploads } from './files'
import { CONVERSATION_KINDS } from '../../domain/enums'

/** One conversation per proposal and one per contract, between its client and freelancer. */
export const conversations = sqliteTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: CONVERSATION_KINDS }).notNull(),
    proposalId: text('proposal_id')
      .unique()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    contractId: text('contract_id')
      .unique()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    clientId: text('client_id')
      .notNull()
      .references(() => users.id),
    freelancerId: text('freelancer_id')
      .notNull()
      .references(() => users.id),
    lastMessageAt: integer('last_message_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('conversations_client_idx').on(t.clientId, t.lastMessageAt),
    index('conversations_freelancer_idx').on(t.freelancerId, t.lastMessageAt),
  ],
)

export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    senderId: text('sender_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    /** Why the message looks like a move off the platform (empty when it does not). */
    offPlatformReasons: text('off_platform_reasons', { mode: 'json' }).$type<string[]>().notNull().default([]),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('messages_conversation_idx').on(t.conversationId, t.createdAt)],
)

export const messageAttachments = sqliteTable(
  'message_attachments',
  {
    messageId: text('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    uploadId: text('upload_id')
      .notNull()
      .references(() => uploads.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.uploadId] })],
)

/** How far each participant has read; unread = messages from the other side after this. */
export const conversationReads = sqliteTable(
  'conversation_reads',
  {
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastReadAt: integer('last_read_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.userId] })],
)

/** Something that may be fraud, waiting for an admin to look at it (e.g. an off-platform request). */
export const fraudSignals = sqliteTable(
  'fraud_signals',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Where it came from, e.g. "message". */
    source: text('source').notNull(),
    sourceId: text('source_id').notNull(),
    reasons: text('reasons', { mode: 'json' }).$type<string[]>().notNull(),
    reviewedAt: integer('reviewed_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('fraud_signals_created_idx').on(t.createdAt), index('fraud_signals_user_idx').on(t.userId)],
)
