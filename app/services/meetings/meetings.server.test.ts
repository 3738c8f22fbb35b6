import { describe, expect, it } from 'vitest'
import { saveAvailability } from '~/models/availability.server'
import { getDb } from '~/models/db.server'
import { meetings, notifications, outbox, users } from '~/models/schema'
import { action as bookingAction, loader as bookingLoader } from '~/routes/_portal.meetings.new'
import { action as meetingAction } from '~/routes/_portal.meetings.$meetingId'
import { action as availabilityAction } from '~/routes/_portal.settings.availability'
import { loader as icsLoader } from '~/routes/_portal.meetings.$meetingId[.]ics'
import { NotFound } from '~/services/domain-errors'
import { openConversationFor } from '~/services/messaging/messaging.server'
import { createFixedContract } from '~/test/fixed-contract'
import { insertFixedContract } from '~/test/escrow-fixtures'
import { icsPeople, parseIcs } from '~/test/ics'
import { formRequest, getRequest, run } from '~/test/requests'
import { createTestUser, signedInCookie } from '~/test/users'
import { bookMeeting, cancelMeeting, loadBookingPage, meetingIcsFor, rescheduleMeeting } from './meetings.server'
import { runMeetingReminders } from './reminders.server'
import { formatInZone } from './meeting-format'
import { takeAccountQuota } from '~/services/security/throttle.server'
import { eq } from 'drizzle-orm'

const NOW = new Date('2026-12-05T12:00:00Z') // a Saturday
const weekdays = (startMinute: number, endMinute: number) =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute, endMinute }))

/** A client in New York (09–17) and a freelancer in Karachi (18–22) on one contract: they overlap 14:00–17:00 UTC. */
async function newYorkAndKarachi() {
  const { client, freelancer, contract } = await createFixedContract()
  await saveAvailability({ userId: client.id, timeZone: 'America/New_York', windows: weekdays(540, 1020), now: NOW })
  await saveAvailability({ userId: freelancer.id, timeZone: 'Asia/Karachi', windows: weekdays(1080, 1320), now: NOW })
  const conversation = (await openConversationFor('contract', contract.id, client.id))!
  return { client, freelancer, conversationId: conversation.id }
}

const booking = {
  title: 'Weekly check-in',
  agenda: 'Progress and blockers',
  durationMinutes: 30,
  slot: '2026-12-07T14:00:00.000Z',
  recurrence: 'weekly' as const,
  occurrences: 3,
}

describe('meetings', () => {
  it('offers the overlap in the viewer’s time zone and books a weekly meeting with an .ics invitation to both', async () => {
    const { client, freelancer, conversationId } = await newYorkAndKarachi()
    const page = await loadBookingPage(client, conversationId, 30, NOW)
    expect(page.zone).toBe('America/New_York')
    expect(page.days[0]).toEqual({
      day: 'Monday 7 December',
      slots: ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30'].map((label, index) => ({
        label,
        value: new Date(Date.parse(booking.slot) + index * 30 * 60_000).toISOString(),
      })),
    })

    const booked = await bookMeeting(client, conversationId, booking, NOW)
    if (!booked.ok) throw new Error(booked.message)
    const ics = parseIcs(await meetingIcsFor(freelancer, booked.meeting.id))
    expect(ics).toEqual({
      method: 'REQUEST',
      uid: booked.meeting.uid,
      sequence: 0,
      start: booking.slot,
      timeZone: 'America/New_York',
      starts: ['2026-12-07T14:00:00.000Z', '2026-12-14T14:00:00.000Z', '2026-12-21T14:00:00.000Z'],
      status: 'CONFIRMED',
      rrule: { freq: 'WEEKLY', interval: 1, count: 3 },
    })
    expect(await meetingIcsFor(client, booked.meeting.id)).toMatch(
      /^DTSTART;TZID=America\/New_York:20261207T090000\r?$/m,
    )

    for (const person of [client, freelancer]) {
      const notes = getDb().select().from(notifications).where(eq(notifications.userId, person.id)).all()
      expect(notes.map((note) => note.kind)).toEqual(['meeting_update'])
      // The same words are read in the app, where nothing is attached: they say where the file is there too.
      expect(notes[0]!.body).toContain(
        'Add it to your calendar with the .ics file, attached to the email and on the meeting’s page',
      )
      expect(notes[0]!.body).not.toMatch(/^The attached calendar file/m)
      const mail = getDb().select().from(outbox).where(eq(outbox.to, person.email)).all()
      expect(mail).toHaveLength(1)
      expect(mail[0]!.attachments?.[0]).toMatchObject({ filename: 'invite.ics' })
      expect(parseIcs(mail[0]!.attachments![0]!.content).method).toBe('REQUEST')
    }
    // Each reads the time on their own clock.
    expect(getDb().select().from(outbox).where(eq(outbox.to, client.email)).get()?.subject).toContain(
      'Mon 7 Dec 2026, 09:00 (America/New_York)',
    )
    expect(getDb().select().from(outbox).where(eq(outbox.to, freelancer.email)).get()?.subject).toContain(
      'Mon 7 Dec 2026, 19:00 (Asia/Karachi)',
    )
  })

  it('refuses a time outside the overlap, one that clashes with any occurrence of either person’s meetings, and strangers', async () => {
    const { client, freelancer, conversationId } = await newYorkAndKarachi()
    const outside = await bookMeeting(client, conversationId, { ...booking, slot: '2026-12-07T18:00:00.000Z' }, NOW)
    expect(outside).toMatchObject({ ok: false, reason: 'invalid', field: 'slot' })
    expect(await bookMeeting(client, conversationId, booking, NOW)).toMatchObject({ ok: true })

    // Another client books the same freelancer in the second week of that series.
    const other = await createTestUser('client', { name: 'Olga' })
    await saveAvailability({ userId: other.id, timeZone: 'Europe/London', windows: weekdays(540, 1020), now: NOW })
    const { contract } = await insertFixedContract({
      clientId: other.id,
      freelancerId: freelancer.id,
      amounts: [10_000],
      milestoneTitles: ['Audit'],
    })
    const otherConversation = (await openConversationFor('contract', contract.id, other.id))!
    const clash = await bookMeeting(
      other,
      otherConversation.id,
      { ...booking, title: 'Audit call', recurrence: 'none', occurrences: undefined, slot: '2026-12-14T14:15:00.000Z' },
      NOW,
    )
    expect(clash).toMatchObject({ ok: false, reason: 'conflict', field: 'slot' })
    // The time is taken, but the meeting is the freelancer's with someone else: its title is not Olga's to read.
    expect(!clash.ok && clash.message).toBe(
      `That overlaps another meeting of ${freelancer.name} on Mon 14 Dec 2026, 14:00 (Europe/London). Choose another time.`,
    )
    // Its own two people are told which of their meetings is in the way.
    const own = await bookMeeting(client, conversationId, { ...booking, title: 'Again', recurrence: 'none' }, NOW)
    expect(!own.ok && own.message).toContain('“Weekly check-in” on Mon 7 Dec 2026, 09:00 (America/New_York)')
    // The free slots leave that time out too.
    const page = await loadBookingPage(other, otherConversation.id, 30, NOW)
    expect(page.days.flatMap((day) => day.slots.map((slot) => slot.value))).not.toContain('2026-12-07T14:00:00.000Z')

    // Someone outside the conversation learns nothing.
    await expect(bookMeeting(other, conversationId, booking, NOW)).rejects.toBeInstanceOf(NotFound)
    const strangerCookie = await signedInCookie(other.id)
    const bookingPage = await run(
      bookingLoader,
      getRequest(`/meetings/new?conversation=${conversationId}`, strangerCookie),
    )
    expect(bookingPage.status).toBe(404)
  })

  it('reschedules with the same UID and a higher SEQUENCE, and cancels with METHOD:CANCEL', async () => {
    const { client, freelancer, conversationId } = await newYorkAndKarachi()
    const booked = await bookMeeting(freelancer, conversationId, { ...booking, recurrence: 'none' }, NOW)
    if (!booked.ok) throw new Error(booked.message)
    const moved = await rescheduleMeeting(client, booked.meeting.id, '2026-12-08T15:00:00.000Z', NOW)
    if (!moved.ok) throw new Error(moved.message)
    const after = parseIcs(await meetingIcsFor(client, booked.meeting.id))
    expect(after).toMatchObject({
      uid: booked.meeting.uid,
      sequence: 1,
      start: '2026-12-08T15:00:00.000Z',
      rrule: null,
    })
    // Moving outside both people's hours is refused.
    expect(await rescheduleMeeting(client, booked.meeting.id, '2026-12-08T03:00:00.000Z', NOW)).toMatchObject({
      ok: false,
      reason: 'invalid',
    })

    expect(await cancelMeeting(freelancer, booked.meeting.id, NOW)).toMatchObject({ ok: true })
    const cancelled = parseIcs(await meetingIcsFor(freelancer, booked.meeting.id))
    expect(cancelled).toMatchObject({ method: 'CANCEL', uid: booked.meeting.uid, sequence: 2, status: 'CANCELLED' })
    const mails = getDb().select().from(outbox).where(eq(outbox.to, client.email)).all()
    expect(mails.map((mail) => parseIcs(mail.attachments![0]!.content).method)).toEqual([
      'REQUEST',
      'REQUEST',
      'CANCEL',
    ])
    // Each email says who changed it and, for a move, from when (on the reader's clock).
    const freelancerMails = getDb().select().from(outbox).where(eq(outbox.to, freelancer.email)).all()
    expect(mails[1]!.text).toContain(`You moved it from ${formatInZone(booked.meeting.startsAt, 'America/New_York')}.`)
    expect(freelancerMails[1]!.text).toContain(
      `${client.name} moved it from ${formatInZone(booked.meeting.startsAt, 'Asia/Karachi')}.`,
    )
    expect(mails[2]!.text).toContain(`${freelancer.name} cancelled it.`)
    expect(freelancerMails[2]!.text).toContain('You cancelled it.')
    expect(await cancelMeeting(client, booked.meeting.id, NOW)).toMatchObject({ ok: false, reason: 'conflict' })
    expect(await rescheduleMeeting(client, booked.meeting.id, '2026-12-09T15:00:00.000Z', NOW)).toMatchObject({
      ok: false,
      reason: 'conflict',
    })

    const strangerCookie = await signedInCookie((await createTestUser('client')).id)
    const response = await run(icsLoader, getRequest(`/meetings/${booked.meeting.id}.ics`, strangerCookie), {
      meetingId: booked.meeting.id,
    })
    expect(response.status).toBe(404)
    const own = await run(
      icsLoader,
      getRequest(`/meetings/${booked.meeting.id}.ics`, await signedInCookie(client.id)),
      {
        meetingId: booked.meeting.id,
      },
    )
    expect(own.headers.get('content-type')).toContain('text/calendar')
  })

  it('keeps a name’s quotes and line breaks from rewriting the .ics: no address but the reader’s own and MegiLance’s', async () => {
    const { client, freelancer, conversationId } = await newYorkAndKarachi()
    // A double quote ended the CN parameter early, and what followed became the organiser's address:
    // a calendar app would have sent every reply to the attacker.
    const name = 'Eve":mailto:evil@evil.test;X-A="\r\nATTENDEE:mailto:evil@evil.test'
    getDb().update(users).set({ name }).where(eq(users.id, client.id)).run()
    const booked = await bookMeeting(client, conversationId, { ...booking, recurrence: 'none' }, NOW)
    if (!booked.ok) throw new Error(booked.message)
    const platform = 'mailto:no-reply@megilance.local'
    const mailTo = (email: string) => getDb().select().from(outbox).where(eq(outbox.to, email)).get()!
    for (const text of [
      await meetingIcsFor(freelancer, booked.meeting.id),
      mailTo(freelancer.email).attachments![0]!.content,
    ]) {
      const people = icsPeople(text)
      expect(people.organizer).toEqual({
        address: platform,
        name: "Eve':mailto:evil@evil.test;X-A=' ATTENDEE:mailto:evil@evil.test",
      })
      expect(people.attendees.map((person) => person.address)).toEqual([platform, `mailto:${freelancer.email}`])
    }
  })

  it('never hands one person’s email address to the other in the .ics (download or email)', async () => {
    const { client, freelancer, conversationId } = await newYorkAndKarachi()
    const booked = await bookMeeting(client, conversationId, { ...booking, recurrence: 'none' }, NOW)
    if (!booked.ok) throw new Error(booked.message)
    const mailTo = (email: string) => getDb().select().from(outbox).where(eq(outbox.to, email)).get()!
    const copies = [
      {
        reader: freelancer,
        other: client,
        texts: [await meetingIcsFor(freelancer, booked.meeting.id), mailTo(freelancer.email).attachments![0]!.content],
      },
      {
        reader: client,
        other: freelancer,
        texts: [await meetingIcsFor(client, booked.meeting.id), mailTo(client.email).attachments![0]!.content],
      },
    ]
    for (const { reader, other, texts } of copies) {
      for (const text of texts) {
        // Unfolded as a calendar reads it (long lines are folded at 75 octets).
        expect(text.replace(/\r?\n[ \t]/g, '').toLowerCase()).not.toContain(other.email.toLowerCase())
        const people = icsPeople(text)
        expect([people.organizer, ...people.attendees].map((person) => person?.address)).not.toContain(
          `mailto:${other.email}`,
        )
        // The reader's calendar still knows the event is theirs, and names the other person.
        expect(people.attendees.map((person) => person.address)).toContain(`mailto:${reader.email}`)
        expect([people.organizer, ...people.attendees].map((person) => person?.name)).toContain(other.name)
      }
    }
  })

  it('sends each occurrence’s reminder once, 15 minutes before, however often the job runs', async () => {
    const { client, freelancer, conversationId } = await newYorkAndKarachi()
    const slot = '2026-12-09T16:00:00.000Z'
    const booked = await bookMeeting(
      client,
      conversationId,
      { ...booking, slot, title: 'Reminded call', occurrences: 2 },
      NOW,
    )
    if (!booked.ok) throw new Error(booked.message)
    const first = Date.parse(slot)
    const minutes = (n: number) => n * 60_000
    expect(await runMeetingReminders(new Date(first - minutes(16)))).toEqual({ reminded: 0 })
    expect(await runMeetingReminders(new Date(first - minutes(15)))).toEqual({ reminded: 1 })
    expect(await runMeetingReminders(new Date(first - minutes(15)))).toEqual({ reminded: 0 })
    expect(await runMeetingReminders(new Date(first - minutes(5)))).toEqual({ reminded: 0 })
    const reminders = (email: string) =>
      getDb()
        .select()
        .from(outbox)
        .where(eq(outbox.to, email))
        .all()
        .filter((mail) => mail.subject.startsWith('Reminder: “Reminded call”'))
    expect(reminders(client.email).map((mail) => mail.subject)).toEqual([
      'Reminder: “Reminded call” starts at Wed 9 Dec 2026, 11:00 (America/New_York)',
    ])
    expect(reminders(freelancer.email)).toHaveLength(1)
    // The next week's occurrence has its own reminder.
    expect(await runMeetingReminders(new Date(first + minutes(7 * 24 * 60 - 10)))).toEqual({ reminded: 1 })
    expect(reminders(client.email)).toHaveLength(2)
  })

  it('through the pages: a refused booking answers 409 and keeps what was typed; bad hours answer 400 as typed', async () => {
    const { client, freelancer, conversationId } = await newYorkAndKarachi()
    const everyHour = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 }))
    await saveAvailability({ userId: client.id, timeZone: 'UTC', windows: everyHour, now: new Date() })
    await saveAvailability({ userId: freelancer.id, timeZone: 'UTC', windows: everyHour, now: new Date() })
    const slot = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 2 * 86_400_000).toISOString()
    const fields = { title: 'Kick-off', agenda: 'Scope', durationMinutes: '60', slot, recurrence: 'none' }
    const cookie = await signedInCookie(client.id)
    const path = `/meetings/new?conversation=${conversationId}`
    expect((await run(bookingAction, formRequest(path, fields, cookie))).status).toBe(302)

    const again = await run(bookingAction, formRequest(path, { ...fields, title: 'Second try' }, cookie))
    expect(again.status).toBe(409)
    const reply = (await again.json()) as { initialValue: Record<string, string>; error: Record<string, string[]> }
    expect(reply.initialValue).toMatchObject({ title: 'Second try', slot })
    expect(reply.error.slot?.[0]).toContain('That overlaps “Kick-off”')
    const garbage = await run(
      bookingAction,
      formRequest(path, { ...fields, slot: 'soon', durationMinutes: '90' }, cookie),
    )
    expect(garbage.status).toBe(400)

    const hours = new URLSearchParams({ timeZone: 'Asia/Karachi', 'from-1': '18:00', 'to-1': '09:00' })
    const badHours = await run(
      availabilityAction,
      new Request('http://localhost/settings/availability', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: hours,
      }),
    )
    expect(badHours.status).toBe(400)
    expect(await badHours.json()).toMatchObject({
      ok: false,
      errors: { days: { 1: 'Monday: 18:00–09:00 ends before it starts' } },
      values: {
        timeZone: 'Asia/Karachi',
        days: {
          1: [
            { from: '18:00', to: '09:00' },
            { from: '', to: '' },
            { from: '', to: '' },
          ],
        },
      },
    })
  })

  it('holds booking, moving and cancelling to a daily quota: each emails both people', async () => {
    const { client, freelancer, conversationId } = await newYorkAndKarachi()
    const everyHour = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 }))
    const now = new Date()
    await saveAvailability({ userId: client.id, timeZone: 'UTC', windows: everyHour, now })
    await saveAvailability({ userId: freelancer.id, timeZone: 'UTC', windows: everyHour, now })
    const slot = (days: number) =>
      new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + days * 86_400_000).toISOString()
    const booked = await bookMeeting(freelancer, conversationId, { ...booking, recurrence: 'none', slot: slot(2) }, now)
    if (!booked.ok) throw new Error(booked.message)
    // Booking and cancelling in a loop sent the other side two emails a turn, without end.
    for (let used = 0; used < 30; used++) await takeAccountQuota('meeting', client, now)
    const mailBefore = getDb().select().from(outbox).all().length
    const cookie = await signedInCookie(client.id)

    const fields = { title: 'One more', agenda: '', durationMinutes: '30', slot: slot(3), recurrence: 'none' }
    const book = await run(bookingAction, formRequest(`/meetings/new?conversation=${conversationId}`, fields, cookie))
    expect(book.status).toBe(429)
    expect(Number(book.headers.get('retry-after'))).toBeGreaterThan(0)
    const reply = (await book.json()) as { initialValue: Record<string, string>; error: Record<string, string[]> }
    expect(reply.initialValue).toMatchObject({ title: 'One more', slot: slot(3) })
    expect(reply.error['']?.[0]).toMatch(/^You have sent 30 meeting invitations and changes within 24 hours/)

    const params = { meetingId: booked.meeting.id }
    const path = `/meetings/${booked.meeting.id}`
    const move = await run(meetingAction, formRequest(path, { intent: 'reschedule', slot: slot(4) }, cookie), params)
    expect(move.status).toBe(429)
    const cancel = await run(meetingAction, formRequest(path, { intent: 'cancel' }, cookie), params)
    expect(cancel.status).toBe(429)

    expect(getDb().select().from(meetings).where(eq(meetings.conversationId, conversationId)).all()).toMatchObject([
      { title: booked.meeting.title, status: 'scheduled', startsAt: booked.meeting.startsAt },
    ])
    expect(getDb().select().from(outbox).all()).toHaveLength(mailBefore)
    // The quota is the account's: the other side still moves the meeting.
    expect(await rescheduleMeeting(freelancer, booked.meeting.id, slot(4), now)).toMatchObject({ ok: true })
  })
})
