import type { Meeting } from '~/models/meetings.server'
import { findUserById, type User } from '~/models/users.server'
import { notify } from '~/services/notifications/notify.server'
import { getEnv, siteOrigin } from '~/utils/env.server'
import { timeZoneOf } from './availability.server'
import { icsAttachment, meetingIcs, type IcsMethod } from './ics.server'
import { describeRecurrence, formatInZone } from './meeting-format'

/** The meeting's page as a full URL, for the .ics and the emails. */
function meetingUrl(meetingId: string): string {
  return new URL(`/meetings/${meetingId}`, siteOrigin()).toString()
}

type People = { organizer: User; attendee: User }

async function participants(meeting: Meeting): Promise<People> {
  const [organizer, attendee] = await Promise.all([findUserById(meeting.organizerId), findUserById(meeting.attendeeId)])
  if (!organizer || !attendee) throw new Error(`Meeting ${meeting.id} names a missing user`)
  return { organizer, attendee }
}

/** MegiLance's own sending address (the address part of MAIL_FROM): nobody's private one. */
function platformAddress(): string {
  const from = getEnv().MAIL_FROM
  return /<([^<>]+)>/.exec(from)?.[1]?.trim() ?? from.trim()
}

/**
 * The two people as one reader's calendar file names them: the reader at their own address (so
 * their calendar knows the event is theirs), the other person by name at MegiLance's address.
 * Members' email addresses are private: a booking must not hand them to the other side (a scam
 * client would collect the addresses of everyone who sent a proposal, and move them off MegiLance).
 */
function peopleAsReadBy(people: People, readerId: string) {
  const shown = (person: User) => ({
    name: person.name,
    email: person.id === readerId ? person.email : platformAddress(),
  })
  return { organizer: shown(people.organizer), attendee: shown(people.attendee) }
}

/** The meeting's current .ics for one of its two people: a REQUEST while scheduled, a CANCEL once cancelled. */
export async function currentMeetingIcs(meeting: Meeting, readerId: string): Promise<string> {
  const people = await participants(meeting)
  const method: IcsMethod = meeting.status === 'cancelled' ? 'CANCEL' : 'REQUEST'
  return meetingIcs(meeting, peopleAsReadBy(people, readerId), method, meetingUrl(meeting.id))
}

const HEADLINES = {
  booked: (title: string, when: string) => `Meeting invitation: “${title}” on ${when}`,
  rescheduled: (title: string, when: string) => `Meeting moved: “${title}” now on ${when}`,
  cancelled: (title: string, when: string) => `Meeting cancelled: “${title}” on ${when}`,
} as const

/**
 * Tells both people about a booking, a move or a cancellation: a notification, and an email with
 * the calendar file (REQUEST, or CANCEL), each time in the reader's own time zone.
 */
export async function announceMeeting(
  meeting: Meeting,
  change: keyof typeof HEADLINES,
  /** Who moved or cancelled it, and (for a move) when it was before, so each reader sees what changed. */
  changed?: { byId: string; from?: Date },
): Promise<void> {
  const people = await participants(meeting)
  const method: IcsMethod = change === 'cancelled' ? 'CANCEL' : 'REQUEST'
  for (const person of [people.organizer, people.attendee]) {
    const ics = meetingIcs(meeting, peopleAsReadBy(people, person.id), method, meetingUrl(meeting.id))
    const attachment = icsAttachment(ics, method)
    const zone = await timeZoneOf(person.id)
    const other = person.id === people.organizer.id ? people.attendee : people.organizer
    const when = `${formatInZone(meeting.startsAt, zone)} (${zone})`
    const by = !changed ? null : changed.byId === person.id ? 'You' : other.name
    const lines = [
      by && change === 'rescheduled' && changed?.from ? `${by} moved it from ${formatInZone(changed.from, zone)}.` : '',
      by && change === 'cancelled' ? `${by} cancelled it.` : '',
      `With ${other.name}, ${meeting.durationMinutes} minutes. ${describeRecurrence(meeting.recurrence, meeting.occurrences)}.`,
      meeting.agenda ? `Agenda:\n${meeting.agenda}` : '',
      // Read as an email and in the app, where nothing is attached.
      change === 'cancelled'
        ? ''
        : 'Add it to your calendar with the .ics file, attached to the email and on the meeting’s page; join the call from that page when it starts.',
    ]
    await notify({
      userId: person.id,
      kind: 'meeting_update',
      title: HEADLINES[change](meeting.title, when),
      body: lines.filter(Boolean).join('\n\n'),
      link: `/meetings/${meeting.id}`,
      attachments: [attachment],
    })
  }
}

/** The reminder 15 minutes before an occurrence, to both people in their own time zone. */
export async function remindMeeting(meeting: Meeting, occurrenceStartsAt: Date): Promise<void> {
  const people = await participants(meeting)
  for (const person of [people.organizer, people.attendee]) {
    const zone = await timeZoneOf(person.id)
    const other = person.id === people.organizer.id ? people.attendee : people.organizer
    await notify({
      userId: person.id,
      kind: 'meeting_reminder',
      title: `Reminder: “${meeting.title}” starts at ${formatInZone(occurrenceStartsAt, zone)} (${zone})`,
      body: `With ${other.name}, ${meeting.durationMinutes} minutes. Join the call from Meetings.`,
      link: '/meetings',
    })
  }
}
