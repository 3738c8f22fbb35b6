import { and, asc, desc, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm'
import type { RecordingMode } from '../domain/enums'
import { getDb } from './db.server'
import { callAttendances, callRecordings, calls, conversations } from './schema'
import { findRow, userName } from './query-helpers.server'

export type CallRecording = typeof callRecordings.$inferSelect

export async function insertRecording(input: {
  id: string
  callId: string
  startedBy: string
  mode: RecordingMode
  contentType: string
  startedAt: Date
}): Promise<void> {
  getDb().insert(callRecordings).values(input).run()
}

export async function findRecording(callId: string, recordingId: string): Promise<CallRecording | undefined> {
  return findRow(callRecordings, and(eq(callRecordings.callId, callId), eq(callRecordings.id, recordingId)))
}

/** The recording still running in a call, if any (there is at most one). */
export async function findRunningRecording(callId: string): Promise<CallRecording | undefined> {
  return findRow(callRecordings, and(eq(callRecordings.callId, callId), eq(callRecordings.status, 'recording')))
}

/**
 * Counts chunk `index` as stored (`bytes` long) if it is the next one expected; false when another
 * request got there first, so a chunk is never counted twice.
 */
export async function countRecordingChunk(recordingId: string, index: number, bytes: number): Promise<boolean> {
  const result = getDb()
    .update(callRecordings)
    .set({ chunkCount: index + 1, sizeBytes: sql`${callRecordings.sizeBytes} + ${bytes}` })
    .where(
      and(
        eq(callRecordings.id, recordingId),
        eq(callRecordings.chunkCount, index),
        eq(callRecordings.status, 'recording'),
      ),
    )
    .run()
  return result.changes === 1
}

/** Marks a running recording complete; false when it was already. */
export async function completeRecording(recordingId: string, endedAt: Date, durationMs: number): Promise<boolean> {
  const result = getDb()
    .update(callRecordings)
    .set({ status: 'complete', endedAt, durationMs })
    .where(and(eq(callRecordings.id, recordingId), eq(callRecordings.status, 'recording')))
    .run()
  return result.changes === 1
}

/** The stored size after the file was rewritten once complete (its length written into it). */
export async function setRecordingSize(recordingId: string, sizeBytes: number): Promise<void> {
  getDb().update(callRecordings).set({ sizeBytes }).where(eq(callRecordings.id, recordingId)).run()
}

export type RecordingListing = CallRecording & { startedByName: string }

/** A call's recordings, oldest first, with who made each. */
export async function listCallRecordings(callId: string): Promise<RecordingListing[]> {
  return getDb()
    .select({ recording: callRecordings, startedByName: userName(callRecordings.startedBy) })
    .from(callRecordings)
    .where(eq(callRecordings.callId, callId))
    .orderBy(asc(callRecordings.startedAt))
    .all()
    .map((row) => ({ ...row.recording, startedByName: row.startedByName }))
}

/**
 * Recordings whose call ended before `cutoff`. A call whose end was never recorded (its server
 * stopped mid-call) counts from the recording's own end, so it is not kept for ever.
 */
export async function listRecordingsEndedBefore(cutoff: Date): Promise<CallRecording[]> {
  return getDb()
    .select({ recording: callRecordings })
    .from(callRecordings)
    .innerJoin(calls, eq(calls.id, callRecordings.callId))
    .where(
      or(
        and(isNotNull(calls.endedAt), lt(calls.endedAt, cutoff)),
        and(isNull(calls.endedAt), isNotNull(callRecordings.endedAt), lt(callRecordings.endedAt, cutoff)),
      ),
    )
    .all()
    .map((row) => row.recording)
}

export async function deleteRecordingRow(recordingId: string): Promise<void> {
  getDb().delete(callRecordings).where(eq(callRecordings.id, recordingId)).run()
}

export type ContractCall = typeof calls.$inferSelect & {
  startedByName: string
  recordings: RecordingListing[]
  attendances: { userName: string; joinedAt: Date | null; leftAt: Date | null }[]
}

/** The calls held in a contract's conversation, newest first, with who attended and the recordings. */
export async function listContractCalls(contractId: string): Promise<ContractCall[]> {
  const db = getDb()
  const rows = db
    .select({ call: calls, startedByName: userName(calls.startedBy) })
    .from(calls)
    .innerJoin(conversations, eq(conversations.id, calls.conversationId))
    .where(eq(conversations.contractId, contractId))
    .orderBy(desc(calls.startedAt))
    .all()
  return Promise.all(
    rows.map(async ({ call, startedByName }) => ({
      ...call,
      startedByName,
      recordings: await listCallRecordings(call.id),
      attendances: db
        .select({
          userName: userName(callAttendances.userId),
          joinedAt: callAttendances.joinedAt,
          leftAt: callAttendances.leftAt,
        })
        .from(callAttendances)
        .where(and(eq(callAttendances.callId, call.id), isNotNull(callAttendances.joinedAt)))
        .orderBy(asc(callAttendances.joinedAt))
        .all(),
    })),
  )
}
