import { describe, expect, it } from 'vitest'
import type { Meeting } from '~/models/meetings.server'
import { meetingIcs } from './ics.server'

const meeting: Meeting = {
  id: 'm1',
  uid: 'm1@megilance.test',
  conversationId: 'c1',
  organizerId: 'u1',
  attendeeId: 'u2',
  title: 'Kick-off',
  agenda: '',
  startsAt: new Date('2026-12-07T14:00:00Z'),
  durationMinutes: 30,
  timeZone: 'America/New_York',
  recurrence: 'none',
  occurrences: null,
  sequence: 0,
  status: 'scheduled',
  createdAt: new Date('2026-12-07T03:53:51Z'),
  updatedAt: new Date('2026-12-07T03:53:51.250Z'),
}
const people = {
  organizer: { name: 'Clara Client', email: 'client@example.com' },
  attendee: { name: 'Felix Freelancer', email: 'freelancer@example.com' },
}

describe('a meeting’s calendar file', () => {
  it('stamps DTSTAMP in UTC (RFC 5545), while DTSTART stays on the organiser’s clock with its zone', () => {
    const ics = meetingIcs(meeting, people, 'REQUEST', 'https://megilance.test/meetings/m1')
    // Before: "DTSTAMP:20261207T035351", the server's wall clock without a zone (floating time).
    expect(ics).toMatch(/^DTSTAMP:20261207T035351Z\r$/m)
    expect(ics).toMatch(/^DTSTART;TZID=America\/New_York:20261207T090000\r$/m)
  })
})
