import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from './accounts'
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
    id: text('id').primaryKey(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    meetingId: text('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    startedBy: text('started_by')
      .notNull()
      .references(() => users.id),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
    /** Set when the last participant leaves. */
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('calls_conversation_idx').on(t.conversationId, t.startedAt)],
)

/** Someone from outside the conversation whom a participant invited into one call. */
export const callGuests = sqliteTable(
  'call_guests',
  {
    callId: text('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    invitedBy: text('invited_by')
      .notNull()
      .references(() => users.id),
    invitedAt: integer('invited_at', { mode: 'timestamp_ms' }).notNull(),
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
    callId: text('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    admittedAt: integer('admitted_at', { mode: 'timestamp_ms' }).notNull(),
    /** When the PeerServer saw this peer connect; null until then. */
    joinedAt: integer('joined_at', { mode: 'timestamp_ms' }),
    leftAt: integer('left_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('call_attendances_call_idx').on(t.callId, t.admittedAt)],
)

/** The call's whiteboard as its list of strokes, saved as it changes and shown after the call. */
export const callWhiteboards = sqliteTable('call_whiteboards', {
  callId: text('call_id')
    .primaryKey()
    .references(() => calls.id, { onDelete: 'cascade' }),
  strokes: text('strokes', { mode: 'json' }).$type<unknown[]>().notNull().default([]),
  /** The board's logical time when saved: a save from a browser that is behind is ignored. */
  time: integer('time').notNull().default(0),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
})

/** A recording of a call, uploaded in chunks as it is made; deleted after the retention period. */
export const callRecordings = sqliteTable(
  'call_recordings',
  {
    id: text('id').primaryKey(),
    callId: text('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    startedBy: text('started_by')
      .notNull()
      .references(() => users.id),
    mode: text('mode', { enum: RECORDING_MODES }).notNull(),
    /** As MediaRecorder produced it, e.g. "video/webm;codecs=vp8,opus". */
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull().default(0),
    /** The next chunk's index: chunks append in order, a repeated one is ignored. */
    chunkCount: integer('chunk_count').notNull().default(0),
    status: text('status', { enum: RECORDING_STATUSES }).notNull().default('recording'),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
    durationMs: integer('duration_ms'),
  },
  (t) => [index('call_recordings_call_idx').on(t.callId), index('call_recordings_started_idx').on(t.startedAt)],
)
