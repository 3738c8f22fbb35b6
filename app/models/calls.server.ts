import { and, desc, eq, gt, isNotNull, isNull, or, sql } from 'drizzle-orm'
import { getDb } from './db.server'
import { callAttendances, callGuests, calls, contracts, conversations, meetings, projects, proposals } from './schema'
import { countRows, findRow, hasRow, updateRows, userName } from './query-helpers.server'

export type Call = typeof calls.$inferSelect
export type CallAttendance = typeof callAttendances.$inferSelect

export async function findCall(callId: string): Promise<Call | undefined> {
  return findRow(calls, eq(calls.id, callId))
}

/** The meeting fields a call needs: its conversation, and its time for the page without JavaScript. */
export async function findMeetingForCall(meetingId: string) {
  return getDb()
    .select({
      id: meetings.id,
      conversationId: meetings.conversationId,
      title: meetings.title,
      startsAt: meetings.startsAt,
      durationMinutes: meetings.durationMinutes,
      timeZone: meetings.timeZone,
      recurrence: meetings.recurrence,
      occurrences: meetings.occurrences,
    })
    .from(meetings)
    .where(eq(meetings.id, meetingId))
    .get()
}

/** Whether the conversation (given by its id or its contract's) has a call going on. */
export async function hasOngoingCall(where: { conversationId: string } | { contractId: string }): Promise<boolean> {
  const row = getDb()
    .select({ id: calls.id })
    .from(calls)
    .innerJoin(conversations, eq(conversations.id, calls.conversationId))
    .where(
      and(
        'conversationId' in where
          ? eq(conversations.id, where.conversationId)
          : eq(conversations.contractId, where.contractId),
        isNull(calls.endedAt),
      ),
    )
    .get()
  return row !== undefined
}

/**
 * The conversation's ongoing call, or a new one: one transaction, so two people pressing "Start"
 * at once end up in the same call.
 */
export async function findOrInsertOngoingCall(input: {
  conversationId: string
  meetingId: string | null
  startedBy: string
  now: Date
}): Promise<{ call: Call; started: boolean }> {
  const db = getDb()
  return db.transaction((tx) => {
    const ongoing = tx
      .select()
      .from(calls)
      .where(and(eq(calls.conversationId, input.conversationId), isNull(calls.endedAt)))
      .orderBy(desc(calls.startedAt))
      .get()
    if (ongoing) return { call: ongoing, started: false }
    const row = {
      id: crypto.randomUUID(),
      conversationId: input.conversationId,
      meetingId: input.meetingId,
      startedBy: input.startedBy,
      startedAt: input.now,
      endedAt: null,
    }
    tx.insert(calls).values(row).run()
    return { call: row, started: true }
  })
}

export async function isCallGuest(callId: string, userId: string): Promise<boolean> {
  return hasRow(callGuests, and(eq(callGuests.callId, callId), eq(callGuests.userId, userId)))
}

/** Adds a guest; inviting someone twice is harmless. */
export async function insertCallGuest(input: { callId: string; userId: string; invitedBy: string; now: Date }) {
  getDb()
    .insert(callGuests)
    .values({ callId: input.callId, userId: input.userId, invitedBy: input.invitedBy, invitedAt: input.now })
    .onConflictDoNothing()
    .run()
}

export async function listCallGuests(callId: string) {
  return getDb()
    .select({ userId: callGuests.userId, name: userName(callGuests.userId), invitedAt: callGuests.invitedAt })
    .from(callGuests)
    .where(eq(callGuests.callId, callId))
    .orderBy(callGuests.invitedAt)
    .all()
}

/**
 * Admits one browser when fewer than `limit` are in the call and fewer than `perPersonLimit` of
 * them are this user's: those connected and not gone, and those admitted since `pendingSince` that
 * have not connected yet (they hold a live token). The user's own earlier unconnected admissions
 * are dropped first, so reopening the lobby does not count them twice. Count and insert in one
 * transaction, so two admissions cannot both take the last place.
 *
 * A call that has ended admits nobody, unless it ended after `reopenSince` and its conversation
 * has no newer call going on: then it is going on again (whoever left last came back).
 */
export async function admitIfRoom(input: {
  callId: string
  userId: string
  peerId: string
  now: Date
  pendingSince: Date
  reopenSince: Date
  limit: number
  perPersonLimit: number
}): Promise<'admitted' | 'full' | 'person-full' | 'ended'> {
  return getDb().transaction((tx) => {
    const call = tx.select().from(calls).where(eq(calls.id, input.callId)).get()
    if (!call) return 'ended'
    if (call.endedAt) {
      const newer = tx
        .select({ id: calls.id })
        .from(calls)
        .where(and(eq(calls.conversationId, call.conversationId), isNull(calls.endedAt)))
        .get()
      if (newer || call.endedAt <= input.reopenSince) return 'ended'
    }
    tx.update(callAttendances)
      .set({ leftAt: input.now })
      .where(
        and(
          eq(callAttendances.callId, input.callId),
          eq(callAttendances.userId, input.userId),
          isNull(callAttendances.joinedAt),
          isNull(callAttendances.leftAt),
        ),
      )
      .run()
    const inCall = and(
      eq(callAttendances.callId, input.callId),
      isNull(callAttendances.leftAt),
      or(isNotNull(callAttendances.joinedAt), gt(callAttendances.admittedAt, input.pendingSince)),
    )
    const places = tx
      .select({
        all: sql<number>`count(*)`,
        theirs: sql<number>`coalesce(sum(${callAttendances.userId} = ${input.userId}), 0)`,
      })
      .from(callAttendances)
      .where(inCall)
      .get()
    if ((places?.theirs ?? 0) >= input.perPersonLimit) return 'person-full'
    if ((places?.all ?? 0) >= input.limit) return 'full'
    if (call.endedAt) tx.update(calls).set({ endedAt: null }).where(eq(calls.id, call.id)).run()
    tx.insert(callAttendances)
      .values({ peerId: input.peerId, callId: input.callId, userId: input.userId, admittedAt: input.now })
      .run()
    return 'admitted'
  })
}

export async function findAttendance(peerId: string): Promise<CallAttendance | undefined> {
  return findRow(callAttendances, eq(callAttendances.peerId, peerId))
}

/**
 * The browsers in the call now, with their people's names: connected and not gone, or admitted
 * since `pendingSince` and about to connect (the signalling server queues a call to them).
 */
export async function listPresentPeers(callId: string, pendingSince: Date) {
  return getDb()
    .select({ peerId: callAttendances.peerId, userId: callAttendances.userId, name: userName(callAttendances.userId) })
    .from(callAttendances)
    .where(
      and(
        eq(callAttendances.callId, callId),
        isNull(callAttendances.leftAt),
        or(isNotNull(callAttendances.joinedAt), gt(callAttendances.admittedAt, pendingSince)),
      ),
    )
    .orderBy(callAttendances.admittedAt)
    .all()
}

/** The PeerServer saw this peer connect (the first time only: a reconnect keeps the first time). */
export async function markAttendanceJoined(peerId: string, at: Date): Promise<void> {
  updateRows(
    callAttendances,
    { joinedAt: at },
    and(eq(callAttendances.peerId, peerId), isNull(callAttendances.joinedAt)),
  )
}

/**
 * The peer disconnected: it has left. When nobody connected is left, the call ends (a later
 * "Start a call" begins a new one). One transaction so the last two leaving at once end it once.
 */
export async function markAttendanceLeft(peerId: string, at: Date): Promise<void> {
  const db = getDb()
  db.transaction((tx) => {
    const attendance = tx.select().from(callAttendances).where(eq(callAttendances.peerId, peerId)).get()
    if (!attendance || attendance.leftAt) return
    tx.update(callAttendances).set({ leftAt: at }).where(eq(callAttendances.peerId, peerId)).run()
    const stillIn = countRows(
      callAttendances,
      and(
        eq(callAttendances.callId, attendance.callId),
        isNotNull(callAttendances.joinedAt),
        isNull(callAttendances.leftAt),
      ),
    )
    if (stillIn === 0)
      tx.update(calls)
        .set({ endedAt: at })
        .where(and(eq(calls.id, attendance.callId), isNull(calls.endedAt)))
        .run()
  })
}

/**
 * Every place the user holds in any call (connected, or admitted and about to connect) is given up
 * now, each as a leave (a call nobody is left in ends). Returns their peer ids.
 */
export async function leaveAllCallsOf(userId: string, at: Date): Promise<string[]> {
  const open = getDb()
    .select({ peerId: callAttendances.peerId })
    .from(callAttendances)
    .where(and(eq(callAttendances.userId, userId), isNull(callAttendances.leftAt)))
    .all()
  for (const { peerId } of open) await markAttendanceLeft(peerId, at)
  return open.map(({ peerId }) => peerId)
}

/**
 * At start-up nobody is connected to the new PeerServer: whoever the last process saw connected
 * left when it stopped, and their calls ended.
 */
export async function closeOpenAttendances(at: Date): Promise<void> {
  const db = getDb()
  db.transaction((tx) => {
    tx.update(callAttendances).set({ leftAt: at }).where(isNull(callAttendances.leftAt)).run()
    tx.update(calls).set({ endedAt: at }).where(isNull(calls.endedAt)).run()
  })
}

/** Who joined and left when, in order (admissions that never connected are not attendance). */
export async function listCallAttendance(callId: string) {
  return getDb()
    .select({
      peerId: callAttendances.peerId,
      userId: callAttendances.userId,
      name: userName(callAttendances.userId),
      joinedAt: callAttendances.joinedAt,
      leftAt: callAttendances.leftAt,
    })
    .from(callAttendances)
    .where(and(eq(callAttendances.callId, callId), isNotNull(callAttendances.joinedAt)))
    .orderBy(callAttendances.joinedAt)
    .all()
}

/** The user's calls, newest first: those of their conversations and those they were invited to. */
export async function listCallsForUser(userId: string, limit = 100) {
  return getDb()
    .select({
      id: calls.id,
      conversationId: calls.conversationId,
      contractId: conversations.contractId,
      proposalId: conversations.proposalId,
      meetingId: calls.meetingId,
      title: sql<string>`coalesce(${contracts.title}, ${projects.title}, 'Conversation')`,
      startedAt: calls.startedAt,
      endedAt: calls.endedAt,
    })
    .from(calls)
    .innerJoin(conversations, eq(conversations.id, calls.conversationId))
    .leftJoin(contracts, eq(contracts.id, conversations.contractId))
    .leftJoin(proposals, eq(proposals.id, conversations.proposalId))
    .leftJoin(projects, eq(projects.id, proposals.projectId))
    .where(
      or(
        eq(conversations.clientId, userId),
        eq(conversations.freelancerId, userId),
        sql`exists (select 1 from ${callGuests} g where g.call_id = ${calls.id} and g.user_id = ${userId})`,
      ),
    )
    .orderBy(desc(calls.startedAt))
    .limit(limit)
    .all()
}
