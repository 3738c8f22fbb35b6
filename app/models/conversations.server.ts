import { and, asc, eq, gt, sql } from 'drizzle-orm'
import type { ConversationKind } from '../domain/enums'
import { getDb } from './db.server'
import { preparedStatement } from './prepared-query.server'
import {
  contracts,
  conversationReads,
  conversations,
  fraudSignals,
  messageAttachments,
  messages,
  notifications,
  projects,
  proposals,
  uploads,
} from './schema'
import { findRow, userName } from './query-helpers.server'

export type Conversation = typeof conversations.$inferSelect
export type Message = typeof messages.$inferSelect

/** Who a conversation would be between, read from its proposal or contract. */
export type ConversationParties = { clientId: string; freelancerId: string; title: string }

export async function findProposalParties(proposalId: string): Promise<ConversationParties | undefined> {
  return getDb()
    .select({ clientId: projects.clientId, freelancerId: proposals.freelancerId, title: projects.title })
    .from(proposals)
    .innerJoin(projects, eq(projects.id, proposals.projectId))
    .where(eq(proposals.id, proposalId))
    .get()
}

export async function findContractParties(contractId: string): Promise<ConversationParties | undefined> {
  return getDb()
    .select({ clientId: contracts.clientId, freelancerId: contracts.freelancerId, title: contracts.title })
    .from(contracts)
    .where(eq(contracts.id, contractId))
    .get()
}

export async function findConversation(id: string): Promise<Conversation | undefined> {
  return findRow(conversations, eq(conversations.id, id))
}

/**
 * The conversation of a proposal or contract, created when missing. Safe when two requests race:
 * the unique proposal/contract column lets only one row in, and both get that row.
 */
export async function findOrCreateConversation(input: {
  kind: ConversationKind
  subjectId: string
  clientId: string
  freelancerId: string
  now?: Date
}): Promise<Conversation> {
  const db = getDb()
  const column = input.kind === 'proposal' ? conversations.proposalId : conversations.contractId
  db.insert(conversations)
    .values({
      id: crypto.randomUUID(),
      kind: input.kind,
      proposalId: input.kind === 'proposal' ? input.subjectId : null,
      contractId: input.kind === 'contract' ? input.subjectId : null,
      clientId: input.clientId,
      freelancerId: input.freelancerId,
      createdAt: input.now ?? new Date(),
    })
    .onConflictDoNothing()
    .run()
  const row = db.select().from(conversations).where(eq(column, input.subjectId)).get()
  if (!row) throw new Error(`No conversation for ${input.kind} ${input.subjectId}`)
  return row
}

/** What the conversation is about: the project of its proposal, or its contract. */
export async function conversationTitle(conversation: Conversation): Promise<string> {
  if (conversation.contractId) return (await findContractParties(conversation.contractId))?.title ?? 'Contract'
  if (conversation.proposalId) return (await findProposalParties(conversation.proposalId))?.title ?? 'Proposal'
  return 'Conversation'
}

export type ConversationSummary = {
  id: string
  kind: ConversationKind
  proposalId: string | null
  contractId: string | null
  title: string
  otherPartyId: string
  otherPartyName: string
  lastMessageAt: number | null
  lastMessageBody: string | null
  lastMessageSenderId: string | null
  /** Whether the last message was flagged as a move off the platform. */
  lastMessageFlagged: number
  unread: number
}

/** The user's conversations, the most recent activity first (new ones without messages by creation). */
export async function listConversationsForUser(userId: string): Promise<ConversationSummary[]> {
  return getDb().all<ConversationSummary>(sql`
    select c.id, c.kind, c.proposal_id as proposalId, c.contract_id as contractId,
      coalesce(k.title, p.title, 'Conversation') as title,
      other.id as otherPartyId, other.name as otherPartyName,
      c.last_message_at as lastMessageAt,
      (select m.body from messages m where m.conversation_id = c.id order by m.created_at desc, m.rowid desc limit 1) as lastMessageBody,
      (select m.sender_id from messages m where m.conversation_id = c.id order by m.created_at desc, m.rowid desc limit 1) as lastMessageSenderId,
      coalesce((select m.off_platform_reasons <> '[]' from messages m where m.conversation_id = c.id order by m.created_at desc, m.rowid desc limit 1), 0) as lastMessageFlagged,
      (select count(*) from messages m where m.conversation_id = c.id and m.sender_id <> ${userId}
         and m.created_at > coalesce((select r.last_read_at from conversation_reads r where r.conversation_id = c.id and r.user_id = ${userId}), 0)) as unread
    from conversations c
    join users other on other.id = case when c.client_id = ${userId} then c.freelancer_id else c.client_id end
    left join contracts k on k.id = c.contract_id
    left join proposals pr on pr.id = c.proposal_id
    left join projects p on p.id = pr.project_id
    where c.client_id = ${userId} or c.freelancer_id = ${userId}
    order by coalesce(c.last_message_at, c.created_at) desc, c.created_at desc`)
}

/** Messages from the other side the user has not read yet, over all their conversations. */
// The portal menu counts them on every page view: compiled once per connection.
const unreadMessages = preparedStatement<{ n: number }>(`
    select count(*) as n from messages m
    join conversations c on c.id = m.conversation_id
    left join conversation_reads r on r.conversation_id = c.id and r.user_id = @userId
    where (c.client_id = @userId or c.freelancer_id = @userId)
      and m.sender_id <> @userId
      and m.created_at > coalesce(r.last_read_at, 0)`)

export async function countUnreadMessages(userId: string): Promise<number> {
  return unreadMessages().get({ userId })?.n ?? 0
}

export async function countUnreadInConversation(conversationId: string, userId: string): Promise<number> {
  const read = getDb()
    .select({ at: conversationReads.lastReadAt })
    .from(conversationReads)
    .where(and(eq(conversationReads.conversationId, conversationId), eq(conversationReads.userId, userId)))
    .get()
  const row = getDb()
    .select({ n: sql<number>`count(*)` })
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        sql`${messages.senderId} <> ${userId}`,
        gt(messages.createdAt, read?.at ?? new Date(0)),
      ),
    )
    .get()
  return row?.n ?? 0
}

/** Records that the user has read everything up to `at` (never moves backwards). */
export async function markConversationRead(conversationId: string, userId: string, at: Date): Promise<void> {
  getDb()
    .insert(conversationReads)
    .values({ conversationId, userId, lastReadAt: at })
    .onConflictDoUpdate({
      target: [conversationReads.conversationId, conversationReads.userId],
      set: { lastReadAt: sql`max(${conversationReads.lastReadAt}, excluded.last_read_at)` },
    })
    .run()
}

type MessageAttachment = { uploadId: string; name: string; contentType: string; sizeBytes: number }
export type MessageView = Message & { senderName: string; attachments: MessageAttachment[] }

/** The conversation's messages, oldest first, with their senders and attachments. */
export async function listMessages(conversationId: string): Promise<MessageView[]> {
  const db = getDb()
  const rows = db
    .select({ message: messages, senderName: userName(messages.senderId) })
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(asc(messages.createdAt), asc(sql`${messages}.rowid`))
    .all()
  const files = db
    .select({
      messageId: messageAttachments.messageId,
      uploadId: uploads.id,
      name: uploads.originalName,
      contentType: uploads.contentType,
      sizeBytes: uploads.sizeBytes,
    })
    .from(messageAttachments)
    .innerJoin(messages, eq(messages.id, messageAttachments.messageId))
    .innerJoin(uploads, eq(uploads.id, messageAttachments.uploadId))
    .where(eq(messages.conversationId, conversationId))
    // Files of one message are stored one after another, often in the same millisecond: the row order
    // breaks the tie, so they are listed in the order they were chosen.
    .orderBy(asc(uploads.createdAt), asc(sql`${uploads}.rowid`))
    .all()
  return rows.map(({ message, senderName }) => ({
    ...message,
    senderName,
    attachments: files.filter((file) => file.messageId === message.id).map(({ messageId: _, ...file }) => file),
  }))
}

/** Whether the upload is attached to a message of this conversation. */
export async function isAttachmentOfConversation(conversationId: string, uploadId: string): Promise<boolean> {
  const row = getDb()
    .select({ id: messageAttachments.uploadId })
    .from(messageAttachments)
    .innerJoin(messages, eq(messages.id, messageAttachments.messageId))
    .where(and(eq(messages.conversationId, conversationId), eq(messageAttachments.uploadId, uploadId)))
    .get()
  return Boolean(row)
}

/**
 * Stores a message with its attachments, moves the conversation's last activity, marks it read
 * for the sender and, when it looks like a move off the platform, records a fraud signal; all in
 * one transaction.
 */
export async function insertMessage(input: {
  conversationId: string
  senderId: string
  body: string
  offPlatformReasons: string[]
  uploadIds: string[]
  at: Date
}): Promise<Message> {
  return getDb().transaction((tx) => {
    const message = tx
      .insert(messages)
      .values({
        id: crypto.randomUUID(),
        conversationId: input.conversationId,
        senderId: input.senderId,
        body: input.body,
        offPlatformReasons: input.offPlatformReasons,
        createdAt: input.at,
      })
      .returning()
      .get()
    for (const uploadId of input.uploadIds)
      tx.insert(messageAttachments).values({ messageId: message.id, uploadId }).run()
    tx.update(conversations).set({ lastMessageAt: input.at }).where(eq(conversations.id, input.conversationId)).run()
    tx.insert(conversationReads)
      .values({ conversationId: input.conversationId, userId: input.senderId, lastReadAt: input.at })
      .onConflictDoUpdate({
        target: [conversationReads.conversationId, conversationReads.userId],
        set: { lastReadAt: sql`max(${conversationReads.lastReadAt}, excluded.last_read_at)` },
      })
      .run()
    if (input.offPlatformReasons.length) {
      tx.insert(fraudSignals)
        .values({
          id: crypto.randomUUID(),
          userId: input.senderId,
          source: 'message',
          sourceId: message.id,
          reasons: input.offPlatformReasons,
          createdAt: input.at,
        })
        .run()
    }
    return message
  })
}

/** When the user was last notified of a message at `link`, if ever. */
export async function lastMessageNotificationAt(userId: string, link: string): Promise<Date | undefined> {
  const row = getDb()
    .select({ at: sql<number>`max(${notifications.createdAt})` })
    .from(notifications)
    .where(
      and(eq(notifications.userId, userId), eq(notifications.kind, 'message_received'), eq(notifications.link, link)),
    )
    .get()
  return row?.at ? new Date(row.at) : undefined
}
