import {
  completeRecording,
  countRecordingChunk,
  deleteRecordingRow,
  findRecording,
  findRunningRecording,
  insertRecording,
  listCallRecordings,
  setRecordingSize,
  type CallRecording,
  type RecordingListing,
} from '~/models/call-recordings.server'
import type { Call } from '~/models/calls.server'
import { DomainError, NotFound, type Refusal } from '~/services/domain-errors'
import { getEnv } from '~/utils/env.server'
import type { RecordingMode, RecordingStatus } from '~/domain/enums'
import { SECOND_MS } from '~/domain/durations'
import { recordingPath, removeRecordingFile, statRecordingFile, writeRecordingChunk } from './recording-files.server'
import { serialised } from './serialised.server'
import { requireCallAccess } from './calls.server'
import { writeWebmDuration } from './webm-duration.server'

type Participant = { id: string; name: string }

/** A running recording that has had no chunk for this long lost its recorder (tab closed, crash). */
const ABANDONED_AFTER_MS = 30 * SECOND_MS

/**
 * What MediaRecorder may produce for each mode; anything else is refused rather than served back.
 * Spaces only (no line breaks or other blanks): the value goes back out as the Content-Type header.
 */
const CONTENT_TYPE = {
  video: /^video\/(webm|mp4)(; *codecs="?[\w., ]+"?)?$/i,
  audio: /^audio\/(webm|ogg|mp4)(; *codecs="?[\w., ]+"?)?$/i,
} as const satisfies Record<RecordingMode, RegExp>

/** The call for one of its participants (its two sides and invited guests); NotFound for anyone else. */
async function requireCallParticipant(user: Participant, callId: string | undefined): Promise<Call> {
  return (await requireCallAccess(user, callId)).call
}

function describeSize(bytes: number): string {
  return bytes >= 1_000_000 ? `${Math.round(bytes / 1_000_000)} MB` : `${bytes} bytes`
}

/** Ends a recording whose recorder went away, counting its length up to its last stored chunk. */
async function closeIfAbandoned(recording: CallRecording, now: Date): Promise<boolean> {
  const file = await statRecordingFile(recording.id)
  const lastSign = file?.modifiedAt ?? recording.startedAt
  if (now.getTime() - lastSign.getTime() < ABANDONED_AFTER_MS) return false
  await finish(recording, lastSign)
  return true
}

/**
 * Marks the recording complete and writes its length into a WebM file, so players show it and can
 * seek. One that never stored a chunk is removed instead (nothing to play). The recorder's own
 * measure of the length is used when given, never longer than the server saw it run.
 */
async function finish(recording: CallRecording, endedAt: Date, recordedMs?: number): Promise<void> {
  const ranMs = Math.max(0, endedAt.getTime() - recording.startedAt.getTime())
  const durationMs = Math.round(recordedMs === undefined ? ranMs : Math.min(Math.max(0, recordedMs), ranMs))
  if (!(await completeRecording(recording.id, endedAt, durationMs))) return
  if (recording.chunkCount === 0) {
    await deleteRecordingRow(recording.id)
    await removeRecordingFile(recording.id)
    return
  }
  if (/webm/i.test(recording.contentType) && (await writeWebmDuration(recordingPath(recording.id), durationMs))) {
    const file = await statRecordingFile(recording.id)
    if (file) await setRecordingSize(recording.id, file.size)
  }
}

export type StartRecordingOutcome =
  { ok: true; recording: CallRecording } | Refusal<'invalid', 'contentType'> | Refusal<'conflict'>

/** Starts a recording of a call by one of its participants; a call records one thing at a time. */
export async function startRecording(
  user: Participant,
  callId: string | undefined,
  input: { mode: RecordingMode; contentType: string },
  now = new Date(),
): Promise<StartRecordingOutcome> {
  const call = await requireCallParticipant(user, callId)
  if (call.endedAt) return { ok: false, reason: 'conflict', message: 'This call has ended.' }
  if (!CONTENT_TYPE[input.mode].test(input.contentType)) {
    return {
      ok: false,
      reason: 'invalid',
      field: 'contentType',
      message: `This browser records ${input.contentType || 'an unknown format'}, which is not a ${input.mode} format we keep.`,
    }
  }
  return serialised(`call:${call.id}`, async () => {
    const running = await findRunningRecording(call.id)
    if (running && !(await closeIfAbandoned(running, now))) {
      return { ok: false, reason: 'conflict', message: 'This call is already being recorded.' } as const
    }
    const recording = {
      id: crypto.randomUUID(),
      callId: call.id,
      startedBy: user.id,
      mode: input.mode,
      contentType: input.contentType,
      startedAt: now,
    }
    await insertRecording(recording)
    const stored = await findRecording(call.id, recording.id)
    if (!stored) throw new Error(`Recording ${recording.id} was not stored`)
    return { ok: true, recording: stored } as const
  })
}

/** A recording of the call that this participant made; others in the call may not write to it. */
async function requireOwnRecording(user: Participant, callId: string | undefined, recordingId: string | undefined) {
  const call = await requireCallParticipant(user, callId)
  const recording = recordingId ? await findRecording(call.id, recordingId) : undefined
  if (!recording) throw new NotFound()
  if (recording.startedBy !== user.id)
    throw new DomainError('forbidden', 'Only the person recording can add to or stop it.')
  return recording
}

export type ChunkOutcome = { ok: true; stored: boolean; sizeBytes: number } | Refusal<'conflict'> | Refusal<'too-large'>

/**
 * Appends chunk `index` of the recording to its file. Chunks come in order; one already stored (a
 * retried upload) is acknowledged and ignored. A chunk that would pass the size limit is refused
 * and stops the recording, keeping what was stored.
 */
export async function appendRecordingChunk(
  user: Participant,
  callId: string | undefined,
  recordingId: string | undefined,
  chunk: { index: number; bytes: Uint8Array },
  now = new Date(),
): Promise<ChunkOutcome> {
  const { id } = await requireOwnRecording(user, callId, recordingId)
  return serialised(`recording:${id}`, async (): Promise<ChunkOutcome> => {
    const recording = await findRecording(callId ?? '', id)
    if (!recording) throw new NotFound()
    if (chunk.index < recording.chunkCount) return { ok: true, stored: false, sizeBytes: recording.sizeBytes }
    if (recording.status !== 'recording') {
      return { ok: false, reason: 'conflict', message: 'This recording has stopped.' }
    }
    if (chunk.index > recording.chunkCount) {
      return { ok: false, reason: 'conflict', message: `Chunk ${recording.chunkCount} is expected next.` }
    }
    const limit = getEnv().RECORDING_MAX_BYTES
    if (recording.sizeBytes + chunk.bytes.byteLength > limit) {
      await finish(recording, now)
      return {
        ok: false,
        reason: 'too-large',
        message: `The recording reached its limit of ${describeSize(limit)} and has stopped. What was recorded until now is kept.`,
      }
    }
    await writeRecordingChunk(recording.id, recording.sizeBytes, chunk.bytes)
    await countRecordingChunk(recording.id, chunk.index, chunk.bytes.byteLength)
    return { ok: true, stored: true, sizeBytes: recording.sizeBytes + chunk.bytes.byteLength }
  })
}

/**
 * Stops the recording (its recorder sends this after the last chunk, with how long it recorded);
 * stopping twice is harmless.
 */
export async function stopRecording(
  user: Participant,
  callId: string | undefined,
  recordingId: string | undefined,
  recordedMs?: number,
  now = new Date(),
): Promise<{ ok: true }> {
  const { id } = await requireOwnRecording(user, callId, recordingId)
  await serialised(`recording:${id}`, async () => {
    const recording = await findRecording(callId ?? '', id)
    if (recording?.status === 'recording') await finish(recording, now, recordedMs)
  })
  return { ok: true }
}

/** The stored file of a recording, for the call's participants only. */
export async function findRecordingFile(
  user: Participant,
  callId: string | undefined,
  recordingId: string | undefined,
) {
  const call = await requireCallParticipant(user, callId)
  const recording = recordingId ? await findRecording(call.id, recordingId) : undefined
  const file = recording ? await statRecordingFile(recording.id) : null
  if (!recording || !file) throw new NotFound()
  return { recording, path: recordingPath(recording.id), size: file.size }
}

export type RecordingView = {
  id: string
  mode: RecordingMode
  contentType: string
  status: RecordingStatus
  startedByName: string
  startedAt: string
  durationMs: number | null
  sizeBytes: number
  url: string
}

/** A recording as pages list it, with the address that plays and downloads it. */
export function toRecordingView(recording: RecordingListing): RecordingView {
  return {
    id: recording.id,
    mode: recording.mode,
    contentType: recording.contentType,
    status: recording.status,
    startedByName: recording.startedByName,
    startedAt: recording.startedAt.toISOString(),
    durationMs: recording.durationMs,
    sizeBytes: recording.sizeBytes,
    url: `/calls/${recording.callId}/recordings/${recording.id}`,
  }
}

/** A call's recordings, oldest first, as its page lists them. */
export async function listRecordingViews(callId: string): Promise<RecordingView[]> {
  return (await listCallRecordings(callId)).map(toRecordingView)
}

/** The name a downloaded recording is saved under, e.g. "call-2026-12-05-1430-video.webm". */
export function recordingFileName(recording: Pick<CallRecording, 'startedAt' | 'mode' | 'contentType'>): string {
  const stamp = recording.startedAt.toISOString().slice(0, 16).replace('T', '-').replace(':', '')
  const extension = /\/(webm|mp4|ogg)/i.exec(recording.contentType)?.[1]?.toLowerCase() ?? 'webm'
  return `call-${stamp}-${recording.mode}.${extension}`
}
