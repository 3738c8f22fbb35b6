import { and, eq, gte, inArray, lte, ne, or, sql } from 'drizzle-orm'
import type { MeetingStatus } from '../domain/enums'
import { getDb } from './db.server'
import { meetingReminders, meetings } from './schema'
import { findRow, listRows } from './query-helpers.server'

export type Meeting = typeof meetings.$inferSelect
export type NewMeeting = typeof meetings.$inferInsert

type Reader = Pick<ReturnType<typeof getDb>, 'select'>

/** The scheduled meetings of either person that began after `since` (older series have ended). */
function scheduledMeetingsOf(tx: Reader, userIds: readonly string[], since: Date, exceptId?: string): Meeting[] {
  return tx
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.status, 'scheduled'),
        gte(meetings.startsAt, since),
        or(inArray(meetings.organizerId, [...userIds]), inArray(meetings.attendeeId, [...userIds])),
        exceptId ? ne(meetings.id, exceptId) : undefined,
      ),
    )
    .all()
}

export async function listScheduledMeetingsOf(
  userIds: readonly string[],
  since: Date,
  exceptId?: string,
): Promise<Meeting[]> {
  return scheduledMeetingsOf(getDb(), userIds, since, exceptId)
}

/**
 * Inserts the meeting unless `isFree` finds it clashes with the people's other meetings; the read
 * and the insert share one write transaction, so two bookings at once cannot both take the time.
 */
export async function insertMeetingIfFree(
  meeting: NewMeeting,
  since: Date,
  isFree: (others: Meeting[]) => boolean,
): Promise<Meeting | undefined> {
  return getDb().transaction(
    (tx) => {
      const others = scheduledMeetingsOf(tx, [meeting.organizerId, meeting.attendeeId], since)
      if (!isFree(others)) return undefined
      return tx.insert(meetings).values(meeting).returning().get()
    },
    { behavior: 'immediate' },
  )
}

export async function findMeeting(id: string): Promise<Meeting | undefined> {
  return findRow(meetings, eq(meetings.id, id))
}

/**
 * Moves a meeting to `startsAt` and raises its SEQUENCE, when it is in one of `from` and `isFree`
 * accepts the people's other meetings; undefined when either check fails (nothing changes).
 */
export async function rescheduleMeetingRow(input: {
  meeting: Meeting
  from: readonly MeetingStatus[]
  startsAt: Date
  since: Date
  now: Date
  isFree: (others: Meeting[]) => boolean
}): Promise<Meeting | undefined> {
  const { meeting } = input
  return getDb().transaction(
    (tx) => {
      const others = scheduledMeetingsOf(tx, [meeting.organizerId, meeting.attendeeId], input.since, meeting.id)
      if (!input.isFree(others)) return undefined
      return tx
        .update(meetings)
        .set({ startsAt: input.startsAt, sequence: sql`${meetings.sequence} + 1`, updatedAt: input.now })
        .where(and(eq(meetings.id, meeting.id), inArray(meetings.status, [...input.from])))
        .returning()
        .get()
    },
    { behavior: 'immediate' },
  )
}

/** Sets the meeting's status (raising SEQUENCE) when it is in one of `from`; undefined otherwise. */
export async function moveMeetingStatus(input: {
  meetingId: string
  from: readonly MeetingStatus[]
  to: MeetingStatus
  now: Date
}): Promise<Meeting | undefined> {
  return getDb()
    .update(meetings)
    .set({ status: input.to, sequence: sql`${meetings.sequence} + 1`, updatedAt: input.now })
    .where(and(eq(meetings.id, input.meetingId), inArray(meetings.status, [...input.from])))
    .returning()
    .get()
}

/** Every meeting the user is in, either side, any status. */
export async function listMeetingsOfUser(userId: string): Promise<Meeting[]> {
  return listRows(meetings, or(eq(meetings.organizerId, userId), eq(meetings.attendeeId, userId)), meetings.startsAt)
}

/** Scheduled meetings whose first occurrence is between `since` and `until`. */
export async function listScheduledMeetingsStarting(since: Date, until: Date): Promise<Meeting[]> {
  return getDb()
    .select()
    .from(meetings)
    .where(and(eq(meetings.status, 'scheduled'), gte(meetings.startsAt, since), lte(meetings.startsAt, until)))
    .all()
}

/**
 * Records that an occurrence's reminder goes out; true only for the first caller. The primary key
 * (meeting, occurrence) is what makes a reminder go out once, however often the job runs.
 */
export async function claimMeetingReminder(meetingId: string, occurrenceStartsAt: Date, now: Date): Promise<boolean> {
  const result = getDb()
    .insert(meetingReminders)
    .values({ meetingId, occurrenceStartsAt, sentAt: now })
    .onConflictDoNothing()
    .run()
  return result.changes === 1
}
