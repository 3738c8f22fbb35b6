import {
  findMeetingForCall,
  listCallAttendance,
  listCallGuests,
  listCallsForUser,
  type Call,
} from '~/models/calls.server'
import { conversationTitle, type Conversation } from '~/models/conversations.server'
import { timeZoneOf } from '~/services/meetings/availability.server'
import { formatInZone } from '~/services/meetings/meeting-format'
import { occurrenceStarts, type MeetingTimes } from '~/services/meetings/occurrences'
import { callJoinability, requireCallAccess } from './calls.server'
import { readCallWhiteboard } from './whiteboard.server'

/** How long the call ran: from its start to its end, or to now while it goes on. */
function callDurationMs(call: Pick<Call, 'startedAt' | 'endedAt'>, now = new Date()): number {
  return Math.max(0, (call.endedAt ?? now).getTime() - call.startedAt.getTime())
}

/** What a contract's or proposal's call links back to. */
function callSubjectLink(conversation: Pick<Conversation, 'contractId' | 'proposalId'>): string {
  return conversation.contractId ? `/contracts/${conversation.contractId}` : `/proposals/${conversation.proposalId}`
}

/**
 * When the call's meeting was due, on the viewer's clock and naming their zone, as on their Meetings
 * page: of a series, the time nearest the call's start.
 */
async function meetingTimeFor(userId: string, meeting: MeetingTimes, callStartedAt: Date): Promise<string> {
  const distance = (start: Date) => Math.abs(start.getTime() - callStartedAt.getTime())
  const nearest = occurrenceStarts(meeting).reduce((best, start) => (distance(start) < distance(best) ? start : best))
  const zone = await timeZoneOf(userId)
  return `${formatInZone(nearest, zone)} (${zone})`
}

/**
 * A call's page and room, for someone who may see the call (NotFound otherwise): what it was about,
 * who joined and left when, how long it ran, its saved whiteboard.
 */
export async function openCallPage(user: { id: string }, callId: string | undefined, now = new Date()) {
  const access = await requireCallAccess(user, callId)
  const { call, conversation, asGuest } = access
  const [title, meeting, attendance, guests, whiteboard, joinability] = await Promise.all([
    conversationTitle(conversation),
    call.meetingId ? findMeetingForCall(call.meetingId) : undefined,
    listCallAttendance(call.id),
    listCallGuests(call.id),
    readCallWhiteboard(call.id),
    callJoinability(access, now),
  ])
  return {
    call,
    conversation,
    asGuest,
    page: {
      title,
      meeting: meeting
        ? { id: meeting.id, title: meeting.title, when: await meetingTimeFor(user.id, meeting, call.startedAt) }
        : null,
      attendance,
      guests,
      whiteboard,
      ongoing: call.endedAt === null,
      ...joinability,
      durationMs: callDurationMs(call, now),
      subjectLink: callSubjectLink(conversation),
      subjectKind: conversation.contractId ? ('contract' as const) : ('proposal' as const),
      conversationLink: `/messages/${conversation.id}`,
    },
  }
}

/** The user's calls, newest first, with how long each ran. */
export async function listMyCalls(userId: string, now = new Date()) {
  const rows = await listCallsForUser(userId)
  return rows.map((row) => ({ ...row, ongoing: row.endedAt === null, durationMs: callDurationMs(row, now) }))
}
