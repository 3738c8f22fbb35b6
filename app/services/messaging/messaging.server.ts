import type { Role } from '~/domain/enums'
import {
  conversationTitle,
  countUnreadInConversation,
  findContractParties,
  findConversation,
  findOrCreateConversation,
  findProposalParties,
  insertMessage,
  lastMessageNotificationAt,
  listMessages,
  markConversationRead,
  type Conversation,
  type Message,
} from '~/models/conversations.server'
import { findContract } from '~/models/contracts.server'
import { findUserById } from '~/models/users.server'
import { Conflict } from '~/services/domain-errors'
import { keepUploadsIf } from '~/services/files/uploads.server'
import { notify } from '~/services/notifications/notify.server'
import { isWatching, publish } from './live.server'
import { detectOffPlatform } from './off-platform'
import { describeReasons } from './off-platform-reasons'
import { MINUTE_MS } from '~/domain/durations'
import { screenAccount } from '~/services/fraud/screening.server'
import { takeAccountQuota } from '~/services/security/throttle.server'

type Viewer = { id: string; role: Role }

const NOTIFY_AT_MOST_EVERY_MS = 10 * MINUTE_MS

export function isParticipant(conversation: Pick<Conversation, 'clientId' | 'freelancerId'>, userId: string): boolean {
  return conversation.clientId === userId || conversation.freelancerId === userId
}

function otherParticipant(conversation: Pick<Conversation, 'clientId' | 'freelancerId'>, userId: string): string {
  return conversation.clientId === userId ? conversation.freelancerId : conversation.clientId
}

/**
 * Whether the conversation is a contract's whose contract has ended. Its messages go on; calls and
 * meetings, which are for work in progress, are no longer started from it (a call already going
 * on can still be joined, and meetings booked before stay as they are).
 */
export async function contractHasEnded(conversation: Pick<Conversation, 'contractId'>): Promise<boolean> {
  if (!conversation.contractId) return false
  return (await findContract(conversation.contractId))?.status === 'ended'
}

/** Refuses (409) a new call or meeting in the conversation of an ended contract, saying what still works. */
export async function refuseIfContractEnded(
  conversation: Pick<Conversation, 'contractId'>,
  what: 'call' | 'meeting',
): Promise<void> {
  if (await contractHasEnded(conversation))
    throw new Conflict(
      `This contract has ended, so no new ${what === 'call' ? 'call starts' : 'meeting is booked'} from it. You can still send messages in its conversation.`,
    )
}

/**
 * The conversation of a proposal or contract for one of its two sides, created on first use.
 * Undefined (a 404) when it does not exist or the user is not one of its sides.
 */
export async function openConversationFor(kind: 'proposal' | 'contract', subjectId: string, userId: string) {
  const parties = kind === 'proposal' ? await findProposalParties(subjectId) : await findContractParties(subjectId)
  if (!parties || !isParticipant(parties, userId)) return undefined
  return findOrCreateConversation({ kind, subjectId, clientId: parties.clientId, freelancerId: parties.freelancerId })
}

/** The conversation when the viewer may read it: its two sides, and admins (read only). */
export async function findReadableConversation(conversationId: string | undefined, viewer: Viewer) {
  const conversation = conversationId ? await findConversation(conversationId) : undefined
  if (!conversation) return undefined
  if (!isParticipant(conversation, viewer.id) && viewer.role !== 'admin') return undefined
  return conversation
}

/** Everything the conversation page shows; opening it marks it read for a participant. */
export async function loadConversationPage(conversation: Conversation, viewer: Viewer, now = new Date()) {
  const participant = isParticipant(conversation, viewer.id)
  if (participant) await markConversationRead(conversation.id, viewer.id, now)
  const [title, messages, client, freelancer, contractEnded] = await Promise.all([
    conversationTitle(conversation),
    listMessages(conversation.id),
    findUserById(conversation.clientId),
    findUserById(conversation.freelancerId),
    contractHasEnded(conversation),
  ])
  const subjectLink = conversation.contractId
    ? `/contracts/${conversation.contractId}`
    : `/proposals/${conversation.proposalId}`
  const otherId = participant ? otherParticipant(conversation, viewer.id) : null
  return {
    title,
    subjectLink,
    participant,
    /** A contract's conversation whose contract has ended: no new call or meeting starts here. */
    contractEnded,
    clientName: client?.name ?? 'Client',
    freelancerName: freelancer?.name ?? 'Freelancer',
    otherPartyName: otherId === conversation.clientId ? (client?.name ?? 'Client') : (freelancer?.name ?? 'Freelancer'),
    messages,
  }
}

/**
 * Whether to tell the recipient about a new message: not while they watch the conversation live;
 * always when it is the first thing unread there; otherwise at most once per 10 minutes, so a
 * burst of messages sends one email, not one each.
 */
export function shouldNotifyRecipient(input: {
  watching: boolean
  unreadBefore: number
  lastNotifiedAt: Date | undefined
  now: Date
}): boolean {
  if (input.watching) return false
  if (input.unreadBefore === 0) return true
  return !input.lastNotifiedAt || input.now.getTime() - input.lastNotifiedAt.getTime() >= NOTIFY_AT_MOST_EVERY_MS
}

function preview(body: string, max = 140): string {
  const flat = body.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

/**
 * Sends a message: takes one of the sender's message quota (past it, Throttled, before anything is
 * stored — `storeAttachments` included), checks it for moves off the platform (still delivered, but
 * flagged and recorded for admins), stores it, pushes it to open pages and tells the recipient.
 */
export async function sendMessage(input: {
  conversation: Conversation
  sender: { id: string; name: string; role: Role }
  body: string
  /** Stores the message's files and gives their upload ids; they go again if the message cannot be saved. */
  storeAttachments?: () => Promise<string[]>
  now?: Date
}): Promise<Message> {
  const { conversation, sender } = input
  const now = input.now ?? new Date()
  await takeAccountQuota('message', sender, now)
  const recipientId = otherParticipant(conversation, sender.id)
  const link = `/messages/${conversation.id}`
  const unreadBefore = await countUnreadInConversation(conversation.id, recipientId)
  const reasons = detectOffPlatform(input.body)
  const uploadIds = input.storeAttachments ? await input.storeAttachments() : []
  const message = await keepUploadsIf(uploadIds, () =>
    insertMessage({
      conversationId: conversation.id,
      senderId: sender.id,
      body: input.body,
      offPlatformReasons: reasons,
      uploadIds,
      at: now,
    }),
  )
  publish(conversation.id, { type: 'message', messageId: message.id, senderId: sender.id })
  if (reasons.length) await screenAccount(sender.id, now)
  const send = shouldNotifyRecipient({
    watching: isWatching(conversation.id, recipientId),
    unreadBefore,
    lastNotifiedAt: await lastMessageNotificationAt(recipientId, link),
    now,
  })
  if (send) {
    const title = await conversationTitle(conversation)
    const warning = reasons.length
      ? `\n\nCareful: this message asks to move off MegiLance (${describeReasons(reasons)}).`
      : ''
    await notify({
      userId: recipientId,
      kind: 'message_received',
      title: `New message from ${sender.name} about “${title}”`,
      body: `${preview(input.body)}${warning}`,
      link,
    })
  }
  return message
}
