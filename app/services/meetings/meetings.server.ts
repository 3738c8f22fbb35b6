import { findConversation, conversationTitle } from '~/models/conversations.server'
import {
  findMeeting,
  insertMeetingIfFree,
  listMeetingsOfUser,
  listScheduledMeetingsOf,
  moveMeetingStatus,
  rescheduleMeetingRow,
  type Meeting,
} from '~/models/meetings.server'
import { findUserById, type User } from '~/models/users.server'
import { DAY_MS, MINUTE_MS } from '~/domain/durations'
import type { Role } from '~/domain/enums'
import { NotFound, type Refusal } from '~/services/domain-errors'
import { takeAccountQuota } from '~/services/security/throttle.server'
import { isParticipant, openConversationFor, refuseIfContractEnded } from '~/services/messaging/messaging.server'
import { timeZoneOf, weeklyAvailabilityOf } from './availability.server'
import { intersectIntervals, isCovered, overlaps, type Interval } from './intervals'
import { announceMeeting, currentMeetingIcs } from './meeting-invitations.server'
import { describeRecurrence, dayInZone, formatInZone, timeInZone } from './meeting-format'
import { canMove, MEETING_MOVES } from './meeting-rules'
import type { BookMeetingInput } from './meeting-schemas'
import { occurrenceIntervals, occurrenceStarts, SERIES_LOOKBACK_MS, type MeetingTimes } from './occurrences'
import { availabilityIntervals, freeSlots } from './slots'

/** Slots are offered over the next two weeks. */
const BOOKING_WINDOW_MS = 14 * DAY_MS

type Viewer = { id: string }
/** Who books, moves or cancels: each emails both people, so each counts against the account's quota. */
type Actor = Viewer & { role: Role }
type SlotRefusal = Refusal<'invalid' | 'conflict', 'slot'>

/** The conversation and the person on its other side; 404 for anyone but its two sides. */
async function requireConversationSide(conversationId: string | undefined, viewer: Viewer) {
  const conversation = conversationId ? await findConversation(conversationId) : undefined
  if (!conversation || !isParticipant(conversation, viewer.id)) throw new NotFound()
  const otherId = conversation.clientId === viewer.id ? conversation.freelancerId : conversation.clientId
  const other = await findUserById(otherId)
  if (!other) throw new NotFound()
  return { conversation, other }
}

/** A contract's conversation (created on first use) for booking from the contract page. */
export async function requireContractConversationId(contractId: string, viewer: Viewer): Promise<string> {
  const conversation = await openConversationFor('contract', contractId, viewer.id)
  if (!conversation) throw new NotFound()
  return conversation.id
}

/** The meeting when the viewer is one of its two people; 404 otherwise. */
async function requireMeeting(meetingId: string | undefined, viewer: Viewer): Promise<Meeting> {
  const meeting = meetingId ? await findMeeting(meetingId) : undefined
  if (!meeting || (meeting.organizerId !== viewer.id && meeting.attendeeId !== viewer.id)) throw new NotFound()
  return meeting
}

function otherPersonId(meeting: Meeting, viewer: Viewer): string {
  return meeting.organizerId === viewer.id ? meeting.attendeeId : meeting.organizerId
}

/** Both people's weekly hours, or what is missing. */
async function bothAvailabilities(viewer: Viewer, other: User) {
  const [mine, theirs] = await Promise.all([weeklyAvailabilityOf(viewer.id), weeklyAvailabilityOf(other.id)])
  return mine && theirs ? { ok: true as const, people: [mine, theirs] as const } : { ok: false as const, mine, theirs }
}

/** The first clash between the new meeting's occurrences and the others' (any occurrence). */
function findClash(times: MeetingTimes, others: readonly Meeting[]) {
  const mine = occurrenceIntervals(times)
  for (const other of others) {
    const taken = occurrenceIntervals(other).find((span) => mine.some((wanted) => overlaps(wanted, span)))
    if (taken) return { meeting: other, startsAt: new Date(taken.start) }
  }
  return undefined
}

function busyIntervals(meetings: readonly Meeting[]): Interval[] {
  return meetings.flatMap(occurrenceIntervals)
}

/** Why a time cannot be booked, or null when it can: in the future, inside both people's hours, clear of their meetings. */
function refuseSlot(input: {
  times: MeetingTimes
  people: Parameters<typeof freeSlots>[0]['people']
  others: readonly Meeting[]
  now: Date
  zone: string
  /** Who books, and the person booked: a clash with the other's meeting with someone else shows no title. */
  viewerId: string
  otherName: string
}): SlotRefusal | null {
  const { times, now } = input
  const span = { start: times.startsAt.getTime(), end: times.startsAt.getTime() + times.durationMinutes * MINUTE_MS }
  if (span.start <= now.getTime())
    return { ok: false, reason: 'invalid', field: 'slot', message: 'That time has passed. Choose one from the list.' }
  const until = new Date(now.getTime() + BOOKING_WINDOW_MS + DAY_MS)
  const shared = intersectIntervals(
    availabilityIntervals(input.people[0], now, until),
    availabilityIntervals(input.people[1], now, until),
  )
  if (!isCovered(span, shared))
    return {
      ok: false,
      reason: 'invalid',
      field: 'slot',
      message: 'That time is outside the hours you are both available. Choose one from the list.',
    }
  const clash = findClash(times, input.others)
  if (clash) {
    const when = `${formatInZone(clash.startsAt, input.zone)} (${input.zone})`
    const own = clash.meeting.organizerId === input.viewerId || clash.meeting.attendeeId === input.viewerId
    return {
      ok: false,
      reason: 'conflict',
      field: 'slot',
      message: own
        ? `That overlaps “${clash.meeting.title}” on ${when}, already booked by one of you. Choose another time.`
        : `That overlaps another meeting of ${input.otherName} on ${when}. Choose another time.`,
    }
  }
  return null
}

/** The free slots, grouped by day as the viewer's clock reads them. */
async function offeredSlots(
  viewer: Viewer,
  other: User,
  durationMinutes: number,
  zone: string,
  now: Date,
  exceptMeetingId?: string,
) {
  const both = await bothAvailabilities(viewer, other)
  const days: { day: string; slots: { value: string; label: string }[] }[] = []
  if (!both.ok) return { missing: { mine: !both.mine, theirs: !both.theirs }, days }
  const others = await listScheduledMeetingsOf(
    [viewer.id, other.id],
    new Date(now.getTime() - SERIES_LOOKBACK_MS),
    exceptMeetingId,
  )
  const slots = freeSlots({
    people: both.people,
    busy: busyIntervals(others),
    from: now,
    to: new Date(now.getTime() + BOOKING_WINDOW_MS),
    durationMinutes,
  })
  for (const slot of slots) {
    const day = dayInZone(slot, zone)
    if (days.at(-1)?.day !== day) days.push({ day, slots: [] })
    days.at(-1)!.slots.push({ value: slot.toISOString(), label: timeInZone(slot, zone) })
  }
  return { missing: null, days }
}

export async function loadBookingPage(
  viewer: Viewer,
  conversationId: string | undefined,
  durationMinutes: number,
  now = new Date(),
) {
  const { conversation, other } = await requireConversationSide(conversationId, viewer)
  await refuseIfContractEnded(conversation, 'meeting')
  const zone = await timeZoneOf(viewer.id)
  return {
    conversationId: conversation.id,
    subject: await conversationTitle(conversation),
    otherName: other.name,
    zone,
    durationMinutes,
    ...(await offeredSlots(viewer, other, durationMinutes, zone, now)),
  }
}

/**
 * Whether the viewer may put a meeting with `other` at these times: both have set their hours, the
 * time is free for both (`movingId`, the meeting being moved, aside), and the viewer's daily quota
 * allows one more. The refusal, or the times (made in the viewer's zone) and how far back the
 * inserting transaction looks for clashes.
 */
async function checkSlot(
  viewer: Actor,
  other: User,
  now: Date,
  timesIn: (zone: string) => MeetingTimes,
  movingId?: string,
): Promise<{ ok: false; refusal: SlotRefusal } | { ok: true; times: MeetingTimes; since: Date }> {
  const both = await bothAvailabilities(viewer, other)
  if (!both.ok) {
    const message = 'You both need to set your availability first.'
    return { ok: false, refusal: { ok: false, reason: 'invalid', field: 'slot', message } }
  }
  const zone = await timeZoneOf(viewer.id)
  const times = timesIn(zone)
  const since = new Date(now.getTime() - SERIES_LOOKBACK_MS)
  const others = await listScheduledMeetingsOf([viewer.id, other.id], since, movingId)
  const refusal = refuseSlot({
    times,
    people: both.people,
    others,
    now,
    zone,
    viewerId: viewer.id,
    otherName: other.name,
  })
  if (refusal) return { ok: false, refusal }
  await takeAccountQuota('meeting', viewer, now)
  return { ok: true, times, since }
}

export async function bookMeeting(
  viewer: Actor,
  conversationId: string | undefined,
  input: BookMeetingInput,
  now = new Date(),
): Promise<{ ok: true; meeting: Meeting } | SlotRefusal> {
  const { conversation, other } = await requireConversationSide(conversationId, viewer)
  await refuseIfContractEnded(conversation, 'meeting')
  const checked = await checkSlot(viewer, other, now, (zone) => ({
    startsAt: new Date(input.slot),
    timeZone: zone,
    durationMinutes: input.durationMinutes,
    recurrence: input.recurrence,
    occurrences: input.recurrence === 'none' ? null : (input.occurrences ?? null),
  }))
  if (!checked.ok) return checked.refusal
  const { times, since } = checked
  const id = crypto.randomUUID()
  const meeting = await insertMeetingIfFree(
    {
      id,
      uid: `${id}@megilance`,
      conversationId: conversation.id,
      organizerId: viewer.id,
      attendeeId: other.id,
      title: input.title,
      agenda: input.agenda,
      ...times,
      createdAt: now,
      updatedAt: now,
    },
    since,
    (current) => !findClash(times, current),
  )
  if (!meeting)
    return { ok: false, reason: 'conflict', field: 'slot', message: 'That time was just taken. Choose another.' }
  await announceMeeting(meeting, 'booked')
  return { ok: true, meeting }
}

function summary(meeting: Meeting, zone: string, otherName: string, now: Date) {
  const starts = occurrenceStarts(meeting)
  const length = meeting.durationMinutes * MINUTE_MS
  const next = starts.find((start) => start.getTime() + length > now.getTime())
  const upcoming = meeting.status === 'scheduled' && next !== undefined
  return {
    id: meeting.id,
    title: meeting.title,
    agenda: meeting.agenda,
    otherName,
    status: meeting.status,
    durationMinutes: meeting.durationMinutes,
    when: formatInZone(next ?? starts.at(-1) ?? meeting.startsAt, zone),
    first: formatInZone(meeting.startsAt, zone),
    repeats: describeRecurrence(meeting.recurrence, meeting.occurrences),
    upcoming,
    canReschedule: upcoming && canMove(meeting.status, 'reschedule'),
    canCancel: upcoming && canMove(meeting.status, 'cancel'),
  }
}
type MeetingSummary = ReturnType<typeof summary>

/** The viewer's meetings in their time zone: upcoming (soonest first) and past or cancelled (latest first). */
export async function loadMeetingsList(viewer: Viewer, now = new Date()) {
  const zone = await timeZoneOf(viewer.id)
  const meetings = await listMeetingsOfUser(viewer.id)
  const names = new Map<string, string>()
  const rows: MeetingSummary[] = []
  for (const meeting of meetings) {
    const otherId = otherPersonId(meeting, viewer)
    if (!names.has(otherId)) names.set(otherId, (await findUserById(otherId))?.name ?? 'Someone')
    rows.push(summary(meeting, zone, names.get(otherId)!, now))
  }
  return { zone, upcoming: rows.filter((row) => row.upcoming), past: rows.filter((row) => !row.upcoming).reverse() }
}

/** One meeting with the slots it could move to (same length, same rules as booking). */
export async function loadMeetingPage(viewer: Viewer, meetingId: string | undefined, now = new Date()) {
  const meeting = await requireMeeting(meetingId, viewer)
  const other = await findUserById(otherPersonId(meeting, viewer))
  if (!other) throw new NotFound()
  const zone = await timeZoneOf(viewer.id)
  const meetingSummary = summary(meeting, zone, other.name, now)
  const slots = meetingSummary.canReschedule
    ? await offeredSlots(viewer, other, meeting.durationMinutes, zone, now, meeting.id)
    : { missing: null, days: [] as Awaited<ReturnType<typeof offeredSlots>>['days'] }
  return { zone, meeting: meetingSummary, ...slots }
}

export async function rescheduleMeeting(
  viewer: Actor,
  meetingId: string | undefined,
  slot: string,
  now = new Date(),
): Promise<{ ok: true; meeting: Meeting } | SlotRefusal> {
  const meeting = await requireMeeting(meetingId, viewer)
  const move = MEETING_MOVES.reschedule
  if (!canMove(meeting.status, 'reschedule'))
    return { ok: false, reason: 'conflict', field: 'slot', message: move.refused }
  const other = await findUserById(otherPersonId(meeting, viewer))
  if (!other) throw new NotFound()
  const checked = await checkSlot(viewer, other, now, () => ({ ...meeting, startsAt: new Date(slot) }), meeting.id)
  if (!checked.ok) return checked.refusal
  const { times, since } = checked
  const moved = await rescheduleMeetingRow({
    meeting,
    from: move.from,
    startsAt: times.startsAt,
    since,
    now,
    isFree: (current) => !findClash(times, current),
  })
  if (!moved)
    return {
      ok: false,
      reason: 'conflict',
      field: 'slot',
      message: 'The meeting or that time changed meanwhile. Reload and try again.',
    }
  await announceMeeting(moved, 'rescheduled', { byId: viewer.id, from: meeting.startsAt })
  return { ok: true, meeting: moved }
}

export async function cancelMeeting(
  viewer: Actor,
  meetingId: string | undefined,
  now = new Date(),
): Promise<{ ok: true; meeting: Meeting } | Refusal<'conflict'>> {
  const meeting = await requireMeeting(meetingId, viewer)
  const move = MEETING_MOVES.cancel
  if (!canMove(meeting.status, 'cancel')) return { ok: false, reason: 'conflict', message: move.refused }
  await takeAccountQuota('meeting', viewer, now)
  const cancelled = await moveMeetingStatus({ meetingId: meeting.id, from: move.from, to: move.to, now })
  if (!cancelled) return { ok: false, reason: 'conflict', message: move.refused }
  await announceMeeting(cancelled, 'cancelled', { byId: viewer.id })
  return { ok: true, meeting: cancelled }
}

/** The meeting's current calendar file, for its two people only. */
export async function meetingIcsFor(viewer: Viewer, meetingId: string | undefined): Promise<string> {
  return currentMeetingIcs(await requireMeeting(meetingId, viewer), viewer.id)
}
