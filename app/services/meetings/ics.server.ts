import { TZDate } from '@date-fns/tz'
import ical, { ICalCalendarMethod, ICalEventRepeatingFreq, ICalEventStatus, ICalAttendeeRole } from 'ical-generator'
import type { OutboxAttachment } from '~/models/schema'
import type { Meeting } from '~/models/meetings.server'
import { MINUTE_MS } from '~/domain/durations'
import { tzlib_get_ical_block } from 'timezones-ical-library'
import { RECURRENCE_INTERVAL } from './occurrences'

type Person = { name: string; email: string }

export type IcsMethod = 'REQUEST' | 'CANCEL'

/** The VTIMEZONE block of an IANA zone, from the maintained tz database the package ships. */
function vtimezone(zone: string): string | null {
  return tzlib_get_ical_block(zone)[0] ?? null
}

/**
 * A name as a quoted parameter value (CN="…"). RFC 5545 gives a quoted value no escape for a double
 * quote or a control character: the library writes `\"`, which parsers read as the value's end, so
 * a name could go on to rewrite the address after it. Each becomes a plain quote or a space.
 */
function parameterText(name: string): string {
  return name
    .replaceAll('"', "'")
    .replace(/\p{Cc}+/gu, ' ')
    .trim()
}

function asCalendarPerson(person: Person): Person {
  return { name: parameterText(person.name), email: person.email }
}

/**
 * The meeting as an iCalendar invitation. DTSTART is on the organiser's clock, with that zone's
 * VTIMEZONE, so a weekly meeting keeps its local time across daylight-saving changes; the UID stays the meeting's for good and SEQUENCE counts its revisions, so a reschedule or a
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
    timezone: { name: meeting.timeZone, generator: vtimezone },
  })
  calendar.createEvent({
    id: meeting.uid,
    sequence: meeting.sequence,
    stamp: meeting.updatedAt,
    // TZDates, so the library writes the organiser's wall clock beside the TZID.
    start: new TZDate(meeting.startsAt.getTime(), meeting.timeZone),
    end: new TZDate(meeting.startsAt.getTime() + meeting.durationMinutes * MINUTE_MS, meeting.timeZone),
    timezone: meeting.timeZone,
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
    organizer: asCalendarPerson(people.organizer),
    attendees: [people.organizer, people.attendee].map((person) => ({
      ...asCalendarPerson(person),
      role: ICalAttendeeRole.REQ,
      rsvp: person !== people.organizer,
    })),
  })
  return withUtcStamp(calendar.toString(), meeting.updatedAt)
}

/**
 * RFC 5545 wants DTSTAMP in UTC ("…Z"). With a calendar time zone set, the library writes it as the
 * server process's wall clock without the Z, which a calendar reads as floating local time.
 */
function withUtcStamp(ics: string, stamp: Date): string {
  const utc = stamp
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
  return ics.replace(/^DTSTAMP:.*$/m, `DTSTAMP:${utc}`)
}

/** The invitation as an email attachment: the METHOD in the content type marks it as one to mail clients. */
export function icsAttachment(ics: string, method: IcsMethod): OutboxAttachment {
  return {
    filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: ics,
  }
}
