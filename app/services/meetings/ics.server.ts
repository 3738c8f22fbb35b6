import ical, { ICalCalendarMethod, ICalEventRepeatingFreq, ICalEventStatus, ICalAttendeeRole } from 'ical-generator'
import type { OutboxAttachment } from '~/models/schema'
import type { Meeting } from '~/models/meetings.server'
import { MINUTE_MS } from '~/domain/durations'
import { RECURRENCE_INTERVAL } from './occurrences'

type Person = { name: string; email: string }

export type IcsMethod = 'REQUEST' | 'CANCEL'

/**
 * The meeting as an iCalendar invitation. DTSTART is in UTC (every calendar reads it the same),
 * the UID stays the meeting's for good and SEQUENCE counts its revisions, so a reschedule or a
 * cancellation updates the event people already have instead of adding another.
 */
export function meetingIcs(
  meeting: Meeting,
  people: { organizer: Person; attendee: Person },
  method: IcsMethod,
  url: string,
): string {
  const calendar = ical({
    prodId: { company: 'MegiLance', product: 'Meetings', language: 'EN' },
    method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  })
  calendar.createEvent({
    id: meeting.uid,
    sequence: meeting.sequence,
    stamp: meeting.updatedAt,
    start: meeting.startsAt,
    end: new Date(meeting.startsAt.getTime() + meeting.durationMinutes * MINUTE_MS),
    summary: meeting.title,
    description: meeting.agenda || null,
    url,
    status: method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    repeating:
      meeting.recurrence === 'none'
        ? null
        : {
            freq: ICalEventRepeatingFreq.WEEKLY,
            interval: RECURRENCE_INTERVAL[meeting.recurrence],
            count: meeting.occurrences ?? 1,
          },
    organizer: people.organizer,
    attendees: [people.organizer, people.attendee].map((person) => ({
      ...person,
      role: ICalAttendeeRole.REQ,
      rsvp: person !== people.organizer,
    })),
  })
  return calendar.toString()
}

/** The invitation as an email attachment: the METHOD in the content type marks it as one to mail clients. */
export function icsAttachment(ics: string, method: IcsMethod): OutboxAttachment {
  return {
    filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: ics,
  }
}
