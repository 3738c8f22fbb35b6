import { index, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { at, createdAt, optionalRef, ref, textId } from './columns'
import { ownedByUser, userRef } from './accounts'
import { contracts, proposals } from './contracts'
import { uploads } from './files'
import { CONVERSATION_KINDS } from '../../domain/enums'

/** One conversation per proposal and one per contract, between its client and freelancer. */
export const conversations = sqliteTable(
  'conversations',
  {
    id: textId(),
    kind: text('kind', { enum: CONVERSATION_KINDS }).notNull(),
    proposalId: optionalRef('proposal_id', () => proposals.id, 'cascade').unique(),
    contractId: optionalRef('contract_id', () => contracts.id, 'cascade').unique(),
    clientId: userRef('client_id'),
    freelancerId: userRef('freelancer_id'),
    lastMessageAt: at('last_message_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('conversations_client_idx').on(t.clientId, t.lastMessageAt),
    index('conversations_freelancer_idx').on(t.freelancerId, t.lastMessageAt),
  ],
)

export const messages = sqliteTable(
  'messages',
  {
    id: textId(),
    conversationId: ref('conversation_id', () => conversations.id, 'cascade'),
    senderId: userRef('sender_id'),
    body: text('body').notNull(),
    /** Why the message looks like a move off the platform (empty when it does not). */
    offPlatformReasons: text('off_platform_reasons', { mode: 'json' }).$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [index('messages_conversation_idx').on(t.conversationId, t.createdAt)],
)

export const messageAttachments = sqliteTable(
  'message_attachments',
  {
    messageId: ref('message_id', () => messages.id, 'cascade'),
    uploadId: ref('upload_id', () => uploads.id, 'cascade'),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.uploadId] })],
)

/** How far each participant has read; unread = messages from the other side after this. */
export const conversationReads = sqliteTable(
  'conversation_reads',
  {
    conversationId: ref('conversation_id', () => conversations.id, 'cascade'),
    userId: userRef('user_id', 'cascade'),
    lastReadAt: at('last_read_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.userId] })],
)

/** Something that may be fraud, waiting for an admin to look at it (e.g. an off-platform request). */
export const fraudSignals = sqliteTable(
  'fraud_signals',
  {
    ...ownedByUser(),
    /** Where it came from, e.g. "message". */
    source: text('source').notNull(),
    sourceId: text('source_id').notNull(),
    reasons: text('reasons', { mode: 'json' }).$type<string[]>().notNull(),
    reviewedAt: at('reviewed_at'),
    createdAt: createdAt(),
  },
  (t) => [index('fraud_signals_created_idx').on(t.createdAt), index('fraud_signals_user_idx').on(t.userId)],
)
