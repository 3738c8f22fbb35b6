import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { at, optionalRef, ref, statusColumn, textId } from './columns'
import { userRef } from './accounts'
import { meetings } from './meetings'
import { conversations } from './messaging'
import { RECORDING_MODES, RECORDING_STATUSES } from '../../domain/enums'

/**
 * A video call in a contract's or proposal's conversation (its two sides may join, and the people
 * they invite). A call started from a meeting names it.
 */
export const calls = sqliteTable(
  'calls',
  {
    id: textId(),
    conversationId: ref('conversation_id', () => conversations.id, 'cascade'),
    meetingId: optionalRef('meeting_id', () => meetings.id, 'set null'),
    startedBy: userRef('started_by'),
    startedAt: at('started_at').notNull(),
    /** Set when the last participant leaves. */
    endedAt: at('ended_at'),
  },
  (t) => [index('calls_conversation_idx').on(t.conversationId, t.startedAt)],
)

/** Someone from outside the conversation whom a participant invited into one call. */
export const callGuests = sqliteTable(
  'call_guests',
  {
    callId: ref('call_id', () => calls.id, 'cascade'),
    userId: userRef('user_id', 'cascade'),
    invitedBy: userRef('invited_by'),
    invitedAt: at('invited_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.callId, t.userId] })],
)

/**
 * One admission to a call: the server-issued peer id the PeerServer accepts, and when that browser
 * joined and left. A rejoin is a new admission.
 */
export const callAttendances = sqliteTable(
  'call_attendances',
  {
    peerId: text('peer_id').primaryKey(),
    callId: ref('call_id', () => calls.id, 'cascade'),
    userId: userRef('user_id'),
    admittedAt: at('admitted_at').notNull(),
    /** When the PeerServer saw this peer connect; null until then. */
    joinedAt: at('joined_at'),
    leftAt: at('left_at'),
  },
  (t) => [index('call_attendances_call_idx').on(t.callId, t.admittedAt)],
)

/** The call's whiteboard as its list of strokes, saved as it changes and shown after the call. */
export const callWhiteboards = sqliteTable('call_whiteboards', {
  callId: ref('call_id', () => calls.id, 'cascade').primaryKey(),
  strokes: text('strokes', { mode: 'json' }).$type<unknown[]>().notNull().default([]),
  /** The board's logical time when saved: a save from a browser that is behind is ignored. */
  time: integer('time').notNull().default(0),
  updatedAt: at('updated_at').notNull(),
})

/** A recording of a call, uploaded in chunks as it is made; deleted after the retention period. */
export const callRecordings = sqliteTable(
  'call_recordings',
  {
    id: textId(),
    callId: ref('call_id', () => calls.id, 'cascade'),
    startedBy: userRef('started_by'),
    mode: text('mode', { enum: RECORDING_MODES }).notNull(),
    /** As MediaRecorder produced it, e.g. "video/webm;codecs=vp8,opus". */
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull().default(0),
    /** The next chunk's index: chunks append in order, a repeated one is ignored. */
    chunkCount: integer('chunk_count').notNull().default(0),
    status: statusColumn(RECORDING_STATUSES).default('recording'),
    startedAt: at('started_at').notNull(),
    endedAt: at('ended_at'),
    durationMs: integer('duration_ms'),
  },
  (t) => [index('call_recordings_call_idx').on(t.callId), index('call_recordings_started_idx').on(t.startedAt)],
)
