import fs from 'node:fs/promises'
import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { insertContractCall } from '~/test/contract-call'
import { findRecording } from '~/models/call-recordings.server'
import { getDb } from '~/models/db.server'
import { callGuests, calls } from '~/models/schema'
import { DomainError } from '~/services/domain-errors'
import { hireBetweenNewUsers } from '~/test/escrow-fixtures'
import { createTestUser } from '~/test/users'
import { resetEnvForTests } from '~/utils/env.server'
import { logger } from '~/utils/logger.server'
import { DAY_MS, SECOND_MS } from '~/domain/durations'
import { recordingPath } from './recording-files.server'
import { runRecordingRetention } from './recording-retention.server'
import {
  appendRecordingChunk,
  findRecordingFile,
  listRecordingViews,
  startRecording,
  stopRecording,
} from './recordings.server'

const T0 = new Date('2026-12-01T10:00:00Z')
const WEBM = 'video/webm;codecs=vp8,opus'

async function callBetweenContractSides() {
  const { client, freelancer, contract } = await hireBetweenNewUsers(
    { type: 'fixed', title: 'Logo design', amountMinor: 50_000 },
    { client: 'Clara', freelancer: 'Felix' },
  )
  const stranger = await createTestUser('freelancer', { name: 'Sam' })
  const callId = await insertContractCall(contract, T0)
  return { client, freelancer, stranger, callId }
}

const bytes = (text: string) => new TextEncoder().encode(text)
const at = (ms: number) => new Date(T0.getTime() + ms)

async function started(setup: Awaited<ReturnType<typeof callBetweenContractSides>>) {
  const outcome = await startRecording(setup.client, setup.callId, { mode: 'video', contentType: WEBM }, T0)
  if (!outcome.ok) throw new Error(outcome.message)
  return outcome.recording.id
}

async function notFound(promise: Promise<unknown>) {
  await expect(promise).rejects.toSatisfy((error) => error instanceof DomainError && error.reason === 'not-found')
}

afterEach(() => {
  delete process.env.RECORDING_MAX_BYTES
  resetEnvForTests()
  vi.restoreAllMocks()
})

describe('recording chunks', () => {
  it('appends chunks in order to one file and ignores a repeated one', async () => {
    const setup = await callBetweenContractSides()
    const id = await started(setup)
    const send = (index: number, text: string) =>
      appendRecordingChunk(setup.client, setup.callId, id, { index, bytes: bytes(text) }, at(index * SECOND_MS))

    expect(await send(0, 'first-')).toEqual({ ok: true, stored: true, sizeBytes: 6 })
    expect(await send(1, 'second-')).toEqual({ ok: true, stored: true, sizeBytes: 13 })
    // A retried upload of chunk 1 (its answer was lost) changes nothing.
    expect(await send(1, 'second-')).toEqual({ ok: true, stored: false, sizeBytes: 13 })
    // A chunk from the future is refused: nothing may be skipped.
    expect(await send(3, 'fourth')).toMatchObject({
      ok: false,
      reason: 'conflict',
      message: 'Chunk 2 is expected next.',
    })
    expect(await send(2, 'third')).toMatchObject({ ok: true, stored: true })

    expect(await fs.readFile(recordingPath(id), 'utf8')).toBe('first-second-third')
    expect(await findRecording(setup.callId, id)).toMatchObject({ chunkCount: 3, sizeBytes: 18, status: 'recording' })
  })

  it('stores a chunk sent twice at once only once', async () => {
    const setup = await callBetweenContractSides()
    const id = await started(setup)
    const chunk = { index: 0, bytes: bytes('only-once') }
    const both = await Promise.all([
      appendRecordingChunk(setup.client, setup.callId, id, chunk),
      appendRecordingChunk(setup.client, setup.callId, id, chunk),
    ])
    expect(both.map((outcome) => outcome.ok && outcome.stored).sort()).toEqual([false, true])
    expect(await fs.readFile(recordingPath(id), 'utf8')).toBe('only-once')
  })

  it('stops the recording with a clear message when a chunk would pass the size limit', async () => {
    process.env.RECORDING_MAX_BYTES = '10'
    resetEnvForTests()
    const setup = await callBetweenContractSides()
    const id = await started(setup)
    await appendRecordingChunk(setup.client, setup.callId, id, { index: 0, bytes: bytes('12345678') })
    const over = await appendRecordingChunk(setup.client, setup.callId, id, { index: 1, bytes: bytes('123') }, at(2000))
    expect(over).toEqual({
      ok: false,
      reason: 'too-large',
      message: 'The recording reached its limit of 10 bytes and has stopped. What was recorded until now is kept.',
    })
    expect(await findRecording(setup.callId, id)).toMatchObject({ status: 'complete', sizeBytes: 8, durationMs: 2000 })
    expect(await fs.readFile(recordingPath(id), 'utf8')).toBe('12345678')
  })

  it('stop records the end and the duration; later chunks are refused', async () => {
    const setup = await callBetweenContractSides()
    const id = await started(setup)
    await appendRecordingChunk(setup.client, setup.callId, id, { index: 0, bytes: bytes('x') })
    expect(await stopRecording(setup.client, setup.callId, id, undefined, at(5500))).toEqual({ ok: true })
    expect(await stopRecording(setup.client, setup.callId, id, 2000, at(9000))).toEqual({ ok: true })
    expect(await findRecording(setup.callId, id)).toMatchObject({
      status: 'complete',
      endedAt: at(5500),
      durationMs: 5500,
    })
    expect(await appendRecordingChunk(setup.client, setup.callId, id, { index: 1, bytes: bytes('y') })).toMatchObject({
      ok: false,
      reason: 'conflict',
    })
    const [view] = await listRecordingViews(setup.callId)
    expect(view).toMatchObject({
      id,
      mode: 'video',
      startedByName: 'Clara',
      url: `/calls/${setup.callId}/recordings/${id}`,
    })
  })
})

describe('who may record', () => {
  it('lets one recording run at a time, and a new one start once the recorder has gone quiet', async () => {
    const setup = await callBetweenContractSides()
    const first = await started(setup)
    await appendRecordingChunk(setup.client, setup.callId, first, { index: 0, bytes: bytes('a') })
    const audio = { mode: 'audio', contentType: 'audio/webm;codecs=opus' } as const
    expect(await startRecording(setup.freelancer, setup.callId, audio, at(5 * SECOND_MS))).toMatchObject({
      ok: false,
      reason: 'conflict',
      message: 'This call is already being recorded.',
    })
    // The file's last write is its real time; 31 s of silence after it means the recorder left.
    const lastWrite = (await findRecordingFile(setup.client, setup.callId, first)).recording
    expect(lastWrite.status).toBe('recording')
    const later = new Date(Date.now() + 31 * SECOND_MS)
    expect(await startRecording(setup.freelancer, setup.callId, audio, later)).toMatchObject({ ok: true })
    expect(await findRecording(setup.callId, first)).toMatchObject({ status: 'complete' })
  })

  it('refuses a format that does not match the mode', async () => {
    const setup = await callBetweenContractSides()
    expect(await startRecording(setup.client, setup.callId, { mode: 'audio', contentType: 'text/html' })).toMatchObject(
      { ok: false, reason: 'invalid', field: 'contentType' },
    )
  })

  it('refuses a format with line breaks or other odd spaces, which would break the header it is served with', async () => {
    const setup = await callBetweenContractSides()
    // The format is served back as Content-Type: with a line break in it, every play and download
    // of the recording answered 500 (Headers refuses the value).
    for (const contentType of [
      'video/webm;codecs="vp8\r\nx"',
      'video/webm;codecs=vp8\n',
      'video/webm; codecs="vp8\u2028"',
    ])
      expect(await startRecording(setup.client, setup.callId, { mode: 'video', contentType }, T0)).toMatchObject({
        ok: false,
        reason: 'invalid',
        field: 'contentType',
      })
    const spaced = 'video/webm; codecs="vp8, opus"'
    const outcome = await startRecording(setup.client, setup.callId, { mode: 'video', contentType: spaced }, T0)
    expect(outcome).toMatchObject({ ok: true })
    expect(() => new Headers({ 'Content-Type': spaced })).not.toThrow()
  })

  it('shows strangers nothing, lets invited guests record, and keeps a recording to its recorder', async () => {
    const setup = await callBetweenContractSides()
    const id = await started(setup)
    await appendRecordingChunk(setup.client, setup.callId, id, { index: 0, bytes: bytes('a') })
    const { stranger } = setup
    await notFound(startRecording(stranger, setup.callId, { mode: 'video', contentType: WEBM }))
    await notFound(appendRecordingChunk(stranger, setup.callId, id, { index: 1, bytes: bytes('b') }))
    await notFound(stopRecording(stranger, setup.callId, id))
    await notFound(findRecordingFile(stranger, setup.callId, id))
    await notFound(findRecordingFile(setup.client, crypto.randomUUID(), id))

    // The other side may watch it but not write to it.
    expect((await findRecordingFile(setup.freelancer, setup.callId, id)).size).toBe(1)
    await expect(stopRecording(setup.freelancer, setup.callId, id)).rejects.toMatchObject({ reason: 'forbidden' })

    getDb()
      .insert(callGuests)
      .values({ callId: setup.callId, userId: stranger.id, invitedBy: setup.client.id, invitedAt: T0 })
      .run()
    expect((await findRecordingFile(stranger, setup.callId, id)).size).toBe(1)
  })
})

describe('recording retention', () => {
  it('deletes file and row 31 days after the call ended, logging each deletion, and keeps younger ones', async () => {
    const setup = await callBetweenContractSides()
    const id = await started(setup)
    await appendRecordingChunk(setup.client, setup.callId, id, { index: 0, bytes: bytes('recorded') })
    await stopRecording(setup.client, setup.callId, id, 4800, at(5000))
    const endedAt = at(60_000)
    getDb().update(calls).set({ endedAt }).where(eq(calls.id, setup.callId)).run()
    const info = vi.spyOn(logger, 'info')

    await runRecordingRetention(new Date(endedAt.getTime() + 29 * DAY_MS))
    expect(await findRecording(setup.callId, id)).toBeDefined()
    expect(await fs.readFile(recordingPath(id), 'utf8')).toBe('recorded')

    const later = await runRecordingRetention(new Date(endedAt.getTime() + 31 * DAY_MS))
    expect(later.deleted).toBeGreaterThanOrEqual(1)
    expect(await findRecording(setup.callId, id)).toBeUndefined()
    await expect(fs.stat(recordingPath(id))).rejects.toMatchObject({ code: 'ENOENT' })
    expect(info).toHaveBeenCalledWith(
      { callId: setup.callId, recordingId: id, sizeBytes: 8 },
      'call recording deleted after its retention period',
    )
  })
})
