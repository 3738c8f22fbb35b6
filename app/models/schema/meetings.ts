import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { at, ref, statusColumn, textId, writtenTimes } from './columns'
import { userRef } from './accounts'
import { conversations } from './messaging'
import { MEETING_RECURRENCES, MEETING_STATUSES } from '../../domain/enums'

/** One window of a weekly availability, in minutes after midnight of `weekday` (0 = Sunday) local time. */
export type AvailabilityWindow = { weekday: number; startMinute: number; endMinute: number }

/** A person's weekly availability, kept in their own time zone so daylight saving moves with them. */
export const weeklyAvailability = sqliteTable('weekly_availability', {
  userId: userRef('user_id', 'cascade').primaryKey(),
  /** IANA time zone, e.g. "Asia/Karachi". */
  timeZone: text('time_zone').notNull(),
  windows: text('windows', { mode: 'json' }).$type<AvailabilityWindow[]>().notNull().default([]),
  updatedAt: at('updated_at').notNull(),
})

/** A meeting booked between the two sides of a contract's or proposal's conversation. */
export const meetings = sqliteTable(
  'meetings',
  {
    id: textId(),
    /** The iCalendar UID: kept through reschedules so calendars update the same event. */
    uid: text('uid').notNull().unique(),
    conversationId: ref('conversation_id', () => conversations.id, 'cascade'),
    organizerId: userRef('organizer_id'),
    attendeeId: userRef('attendee_id'),
    title: text('title').notNull(),
    agenda: text('agenda').notNull().default(''),
    /** The first occurrence's start, UTC. */
    startsAt: at('starts_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    /** The organizer's time zone when booking. Repeats keep the first occurrence's UTC time (DTSTART in UTC + RRULE). */
    timeZone: text('time_zone').notNull(),
    recurrence: text('recurrence', { enum: MEETING_RECURRENCES }).notNull().default('none'),
    /** How many occurrences a repeating meeting has (RRULE COUNT); null when it does not repeat. */
    occurrences: integer('occurrences'),
    /** iCalendar SEQUENCE: raised on every reschedule and on cancellation. */
    sequence: integer('sequence').notNull().default(0),
    status: statusColumn(MEETING_STATUSES).default('scheduled'),
    ...writtenTimes(),
  },
  (t) => [
    index('meetings_organizer_idx').on(t.organizerId, t.startsAt),
    index('meetings_attendee_idx').on(t.attendeeId, t.startsAt),
    index('meetings_conversation_idx').on(t.conversationId),
  ],
)

/** One row per occurrence reminded: the primary key is what makes a reminder go out once. */
export const meetingReminders = sqliteTable(
  'meeting_reminders',
  {
    meetingId: ref('meeting_id', () => meetings.id, 'cascade'),
    occurrenceStartsAt: at('occurrence_starts_at').notNull(),
    sentAt: at('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.occurrenceStartsAt] })],
)
