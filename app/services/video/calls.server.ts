import type { Role } from '~/domain/enums'
import {
  admitIfRoom,
  closeOpenAttendances,
  findAttendance,
  findCall,
  findMeetingForCall,
  findOrInsertOngoingCall,
  hasOngoingCall,
  insertCallGuest,
  isCallGuest,
  listPresentPeers,
  markAttendanceJoined,
  markAttendanceLeft,
  type Call,
} from '~/models/calls.server'
import { conversationTitle, findConversation, type Conversation } from '~/models/conversations.server'
import { findUserByEmail, findUserById } from '~/models/users.server'
import { NotFound, type Refusal } from '~/services/domain-errors'
import {
  contractHasEnded,
  isParticipant,
  openConversationFor,
  refuseIfContractEnded,
} from '~/services/messaging/messaging.server'
import { notify } from '~/services/notifications/notify.server'
import { takeAccountQuota } from '~/services/security/throttle.server'
import { getSessionSecret } from '~/utils/secrets.server'
import { newPeerId, PEER_TOKEN_TTL_MS, signPeerToken, verifyPeerToken } from './peer-tokens.server'

/** A full mesh sends every stream to every other browser; past 8 a home uplink gives out. */
export const CALL_LIMIT = 8
/**
 * Places one person may hold in a call at once (a computer and a phone, or a tab that is
 * reconnecting), so that one person's tabs never fill the call and the others can always join.
 */
export const PLACES_PER_PERSON = 2

type Person = { id: string; name: string }
export type CallAccess = { call: Call; conversation: Conversation; asGuest: boolean }

/** The call when the user is one of its conversation's two sides or was invited to it; else 404. */
export async function requireCallAccess(user: { id: string }, callId: string | undefined): Promise<CallAccess> {
  const call = callId ? await findCall(callId) : undefined
  const conversation = call ? await findConversation(call.conversationId) : undefined
  if (!call || !conversation) throw new NotFound()
  if (isParticipant(conversation, user.id)) return { call, conversation, asGuest: false }
  if (await isCallGuest(call.id, user.id)) return { call, conversation, asGuest: true }
  throw new NotFound()
}

/** For the "Start a call" / "Join the call" button of a contract or a conversation. */
export async function callGoingOn(where: { conversationId: string } | { contractId: string }): Promise<boolean> {
  return hasOngoingCall(where)
}

export type StartCallInput = { conversationId?: string; contractId?: string; meetingId?: string }

/** The conversation a call starts from, when the user is one of its sides; else 404. */
async function conversationToCallIn(user: Person, input: StartCallInput) {
  if (input.contractId) return { conversation: await openConversationFor('contract', input.contractId, user.id) }
  if (input.meetingId) {
    const meeting = await findMeetingForCall(input.meetingId)
    const conversation = meeting ? await findConversation(meeting.conversationId) : undefined
    return { conversation, meetingId: meeting?.id, meetingTitle: meeting?.title }
  }
  return { conversation: input.conversationId ? await findConversation(input.conversationId) : undefined }
}

/**
 * Joins the ongoing call of a contract's or proposal's conversation (or a meeting's), or starts
 * one; not a new one about a contract that has ended (409). A guest of the ongoing call joins it
 * from its own page, not from here.
 */
export async function startOrJoinCall(user: Person, input: StartCallInput, now = new Date()): Promise<Call> {
  const { conversation, meetingId, meetingTitle } = await conversationToCallIn(user, input)
  if (!conversation || !isParticipant(conversation, user.id)) throw new NotFound()
  // An ended contract starts no new call; one going on (begun before it ended) can still be joined.
  if (!meetingId && !(await hasOngoingCall({ conversationId: conversation.id })))
    await refuseIfContractEnded(conversation, 'call')
  const { call, started } = await findOrInsertOngoingCall({
    conversationId: conversation.id,
    meetingId: meetingId ?? null,
    startedBy: user.id,
    now,
  })
  if (started) await tellOtherSideCallStarted(user, conversation, call, meetingTitle)
  return call
}

/**
 * Whoever starts a call is in it alone until the other side opens it: tell them (in-app, and by
 * email unless they turned call invitations off), with a link to the call's page, where they join.
 */
async function tellOtherSideCallStarted(user: Person, conversation: Conversation, call: Call, meetingTitle?: string) {
  const otherId = conversation.clientId === user.id ? conversation.freelancerId : conversation.clientId
  const about = meetingTitle
    ? `the call for the meeting “${meetingTitle}”`
    : `a call about “${await conversationTitle(conversation)}”`
  await notify({
    userId: otherId,
    kind: 'call_invitation',
    title: `${user.name} started ${about}`,
    body: `${user.name} is waiting for you in the call. Open it to join; if you cannot come, say so in your messages.`,
    link: `/calls/${call.id}`,
  })
}

export type Admission = {
  ok: true
  peerId: string
  token: string
  expiresAt: number
  /** Who is in the call (or about to be) before this admission: the newcomer calls each of them. */
  peers: { peerId: string; userId: string; name: string }[]
}

/**
 * A call ends when the last person in it leaves. For this long after, coming back (a dropped
 * connection rejoining by itself, or Rejoin pressed after Leave) reopens it, unless the
 * conversation has started a newer call; later, the call's page offers a new one.
 */
export const REOPEN_WITHIN_MS = 60_000

/**
 * What a call's page and room offer. `joinable`: going on, or ended less than a minute ago with no
 * newer call (coming back reopens it). Otherwise `restart` says what to do next: join the newer
 * call going on, start a new one with the same people, or nothing (a guest cannot start one; an
 * ended contract starts no new call).
 */
export async function callJoinability(
  access: CallAccess,
  now = new Date(),
): Promise<{ joinable: boolean; restart: 'join-newer' | 'start-new' | null }> {
  const { call, conversation, asGuest } = access
  if (!call.endedAt) return { joinable: true, restart: null }
  const newerGoingOn = await hasOngoingCall({ conversationId: conversation.id })
  if (!newerGoingOn && call.endedAt.getTime() > now.getTime() - REOPEN_WITHIN_MS)
    return { joinable: true, restart: null }
  if (asGuest) return { joinable: false, restart: null }
  if (newerGoingOn) return { joinable: false, restart: 'join-newer' }
  return { joinable: false, restart: (await contractHasEnded(conversation)) ? null : 'start-new' }
}

/**
 * Gives the user's browser a fresh peer id and a token the PeerServer will accept for the next two
 * minutes, unless the call has ended, is full, or the user already holds their share of its places.
 */
export async function admitToCall(
  user: Person,
  access: CallAccess,
  now = new Date(),
): Promise<Admission | Refusal<'conflict'>> {
  const peerId = newPeerId()
  const pendingSince = new Date(now.getTime() - PEER_TOKEN_TTL_MS)
  const admitted = await admitIfRoom({
    callId: access.call.id,
    userId: user.id,
    peerId,
    now,
    pendingSince,
    reopenSince: new Date(now.getTime() - REOPEN_WITHIN_MS),
    limit: CALL_LIMIT,
    perPersonLimit: PLACES_PER_PERSON,
  })
  if (admitted === 'ended')
    return {
      ok: false,
      reason: 'conflict',
      message: `This call has ended. ${access.asGuest ? 'Ask whoever invited you to start a new one.' : 'Start a new one from the call’s page.'}`,
    }
  if (admitted === 'person-full')
    return {
      ok: false,
      reason: 'conflict',
      message: `You are already in this call in ${PLACES_PER_PERSON} places (tabs or devices). One person can hold at most ${PLACES_PER_PERSON}, so that everyone else can join. Leave the call in one of them, then join here.`,
    }
  if (admitted === 'full')
    return {
      ok: false,
      reason: 'conflict',
      message: `This call is full: at most ${CALL_LIMIT} people can be in a call at once. Try again when someone leaves.`,
    }
  const expiresAt = now.getTime() + PEER_TOKEN_TTL_MS
  const token = signPeerToken({ secret: getSessionSecret(), peerId, callId: access.call.id, expiresAt })
  // Each pair connects once: the later of the two calls the earlier.
  const peers = (await listPresentPeers(access.call.id, pendingSince)).filter((peer) => peer.peerId !== peerId)
  return { ok: true, peerId, token, expiresAt, peers }
}

/**
 * The PeerServer's check on every connection: the id was admitted to a call it has not left, and
 * the token was signed for that id and call and is still fresh. Answers that call, or null.
 */
export async function admittedCallOf(input: { peerId: string; token: string }, now = Date.now()) {
  const attendance = await findAttendance(input.peerId)
  if (!attendance || attendance.leftAt) return null
  const verified = verifyPeerToken({
    secret: getSessionSecret(),
    peerId: input.peerId,
    callId: attendance.callId,
    token: input.token,
    now,
  })
  // An account blocked after it was admitted does not get in with the token it still holds.
  if (!verified || (await findUserById(attendance.userId))?.blockedAt) return null
  return attendance.callId
}

/**
 * The call a peer id was admitted to, whether it is connected, about to connect, or gone: the
 * PeerServer relays a message only between peers of one call. A gone peer still counts, so the
 * package can answer the sender that it is unavailable, as the call page expects.
 */
export async function callOfPeer(peerId: string): Promise<string | undefined> {
  return (await findAttendance(peerId))?.callId
}

export async function recordPeerJoined(peerId: string, now = new Date()): Promise<void> {
  await markAttendanceJoined(peerId, now)
}

export async function recordPeerLeft(peerId: string, now = new Date()): Promise<void> {
  await markAttendanceLeft(peerId, now)
}

/** At start-up nobody is connected yet: whoever the last process saw connected left when it stopped. */
export async function forgetPeersOfStoppedServer(now = new Date()): Promise<void> {
  await closeOpenAttendances(now)
}

/**
 * A participant invites a platform user by email into this one call; they are told where to join.
 * Each try counts against the account's invitation quota, found or not: it bounds both the
 * notifications one account sends and how many addresses it can test for an account.
 */
export async function inviteToCall(
  user: Person & { role: Role },
  access: CallAccess,
  email: string,
  now = new Date(),
): Promise<{ ok: true; name: string } | Refusal<'invalid', 'email'> | Refusal<'forbidden'>> {
  if (access.asGuest)
    return {
      ok: false,
      reason: 'forbidden',
      message: 'Only the two sides of the conversation invite people to its calls.',
    }
  await takeAccountQuota('invitation', user, now)
  const invitee = await findUserByEmail(email)
  if (!invitee || invitee.blockedAt)
    return { ok: false, reason: 'invalid', field: 'email', message: 'Nobody on MegiLance has that email address.' }
  if (isParticipant(access.conversation, invitee.id))
    return { ok: false, reason: 'invalid', field: 'email', message: `${invitee.name} is already in this conversation.` }
  await insertCallGuest({ callId: access.call.id, userId: invitee.id, invitedBy: user.id, now })
  await notify({
    userId: invitee.id,
    kind: 'call_invitation',
    title: `${user.name} invited you to a call`,
    body: 'Open the call to join it.',
    link: `/calls/${access.call.id}`,
  })
  return { ok: true, name: invitee.name }
}
