import { and, desc, eq, gte, isNull, sql } from 'drizzle-orm'
import { getDb } from './db.server'
import { callAttendances, callRecordings, calls, contracts, conversations, projects, proposals } from './schema'
import { countRows, pageOf, type Page } from './query-helpers.server'

/** What a call was about, as its participants' call list names it. */
const callTitle = sql<string>`coalesce(${contracts.title}, ${projects.title}, 'Conversation')`

/**
 * The people who connected to a call, as "id\u0001name" pairs joined by "\u0002" (one row per call,
 * without a query per call). Admissions that never reached the signalling server are not attendance.
 */
const connectedPeople = sql<string | null>`(
  select group_concat(person, char(2)) from (
    select distinct a.user_id || char(1) || u.name as person
    from ${callAttendances} a join users u on u.id = a.user_id
    where a.call_id = ${calls.id} and a.joined_at is not null
  )
)`

/**
 * Browsers admitted to a call that never connected to the signalling server (a network, firewall or
 * device problem): admitted before `connectBy` (a browser connects within seconds) and never seen.
 */
const neverConnected = (connectBy: Date) => sql<number>`(
  select count(*) from ${callAttendances} a
  where a.call_id = ${calls.id} and a.joined_at is null and a.admitted_at < ${connectBy.getTime()}
)`

/** Browsers connected to a call now. */
const connectedNow = sql<number>`(
  select count(*) from ${callAttendances} a
  where a.call_id = ${calls.id} and a.joined_at is not null and a.left_at is null
)`

const recordingRunning = sql<number>`exists (
  select 1 from ${callRecordings} r where r.call_id = ${calls.id} and r.status = 'recording'
)`

const recordingsKept = sql<number>`(select count(*) from ${callRecordings} r where r.call_id = ${calls.id} and r.status = 'complete')`

function callRows(connectBy: Date) {
  return getDb()
    .select({
      id: calls.id,
      title: callTitle,
      contractId: conversations.contractId,
      startedAt: calls.startedAt,
      endedAt: calls.endedAt,
      people: connectedPeople,
      neverConnected: neverConnected(connectBy),
      connectedNow,
      recordingRunning,
      recordingsKept,
    })
    .from(calls)
    .innerJoin(conversations, eq(conversations.id, calls.conversationId))
    .leftJoin(contracts, eq(contracts.id, conversations.contractId))
    .leftJoin(proposals, eq(proposals.id, conversations.proposalId))
    .leftJoin(projects, eq(projects.id, proposals.projectId))
}

/** Every call going on now, the longest-running first. */
export async function listLiveCalls(connectBy: Date) {
  return callRows(connectBy).where(isNull(calls.endedAt)).orderBy(calls.startedAt).all()
}

/** Calls started since `since`, newest first, one page of them. */
export async function listCallsSince(since: Date, connectBy: Date, page: Page) {
  const query = callRows(connectBy).where(gte(calls.startedAt, since)).orderBy(desc(calls.startedAt)).$dynamic()
  return pageOf(query, page).all()
}

/** Counts over the calls started since `since` (ended ones for durations). */
export async function callFiguresSince(since: Date, connectBy: Date) {
  const started = gte(calls.startedAt, since)
  const durations = getDb()
    .select({ durationMs: sql<number>`${calls.endedAt} - ${calls.startedAt}` })
    .from(calls)
    .where(and(started, sql`${calls.endedAt} is not null`))
    .all()
    .map((row) => row.durationMs)
  const connections = getDb()
    .select({
      admitted: sql<number>`count(*)`,
      neverConnected: sql<number>`coalesce(sum(${callAttendances.joinedAt} is null and ${callAttendances.admittedAt} < ${connectBy.getTime()}), 0)`,
    })
    .from(callAttendances)
    .where(gte(callAttendances.admittedAt, since))
    .get() ?? { admitted: 0, neverConnected: 0 }
  const alone = getDb()
    .select({ count: sql<number>`count(*)` })
    .from(calls)
    .where(
      and(
        started,
        sql`${calls.endedAt} is not null`,
        sql`(select count(distinct a.user_id) from ${callAttendances} a where a.call_id = ${calls.id} and a.joined_at is not null) < 2`,
      ),
    )
    .get()
  return {
    started: countRows(calls, started),
    durationsMs: durations,
    admitted: connections.admitted,
    neverConnected: connections.neverConnected,
    aloneCalls: alone?.count ?? 0,
  }
}

/** The recordings stored now (complete ones, before their retention runs out), and their bytes. */
export async function storedRecordings() {
  const row = getDb()
    .select({ count: sql<number>`count(*)`, bytes: sql<number>`coalesce(sum(${callRecordings.sizeBytes}), 0)` })
    .from(callRecordings)
    .where(eq(callRecordings.status, 'complete'))
    .get()
  return { count: row?.count ?? 0, bytes: row?.bytes ?? 0 }
}
