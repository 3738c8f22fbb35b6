import { describe, expect, it } from 'vitest'
import { insertContractCall } from '~/test/contract-call'
import { findCallWhiteboardStrokes, upsertCallWhiteboard } from '~/models/call-whiteboards.server'
import { MAX_BOARD_BYTES, MAX_CLOCK_AHEAD_MS, type Stroke } from '~/domain/whiteboard-strokes'
import { createFixedContract } from '~/test/fixed-contract'
import { readCallWhiteboard, saveCallWhiteboard } from './whiteboard.server'

async function createCall() {
  const { contract } = await createFixedContract()
  return insertContractCall(contract)
}

const stroke: Stroke = {
  id: 's1',
  author: 'peer',
  tool: 'line',
  color: '#d62828',
  width: 4,
  points: [
    [0.1, 0.1],
    [0.9, 0.9],
  ],
  t: 1,
}

describe('saving a call whiteboard', () => {
  it('stores the strokes and replaces them on the next save', async () => {
    const callId = await createCall()
    expect(await readCallWhiteboard(callId)).toEqual([])
    expect(await saveCallWhiteboard(callId, JSON.stringify([stroke]), 1)).toEqual({ ok: true })
    expect(await readCallWhiteboard(callId)).toEqual([stroke])
    expect(await saveCallWhiteboard(callId, JSON.stringify([{ ...stroke, id: 's2' }]), 2)).toEqual({ ok: true })
    expect((await readCallWhiteboard(callId)).map((s) => s.id)).toEqual(['s2'])
  })

  it('ignores a board older than the saved one: a browser that is behind never wipes newer strokes', async () => {
    const callId = await createCall()
    await saveCallWhiteboard(callId, JSON.stringify([stroke, { ...stroke, id: 's2', t: 5 }]), 5)
    expect(await saveCallWhiteboard(callId, JSON.stringify([stroke]), 3)).toEqual({ ok: true })
    expect((await readCallWhiteboard(callId)).map((s) => s.id)).toEqual(['s1', 's2'])
    expect(await saveCallWhiteboard(callId, JSON.stringify([stroke]), -1)).toMatchObject({ ok: false })
  })

  it('refuses what is not a board, leaving the saved one alone', async () => {
    const callId = await createCall()
    await saveCallWhiteboard(callId, JSON.stringify([stroke]), 1)
    for (const body of ['{not json', '"text"', JSON.stringify([{ ...stroke, color: 'javascript:' }])]) {
      expect(await saveCallWhiteboard(callId, body, 2)).toMatchObject({ ok: false, reason: 'invalid' })
    }
    expect(await findCallWhiteboardStrokes(callId)).toEqual([stroke])
  })

  it('refuses a board over the size limit with a message that says so', async () => {
    const callId = await createCall()
    const points = Array.from({ length: 2000 }, (): [number, number] => [0.123456, 0.654321])
    const big = JSON.stringify(Array.from({ length: 40 }, (_, i) => ({ ...stroke, id: `s${i}`, tool: 'pen', points })))
    expect(big.length).toBeGreaterThan(MAX_BOARD_BYTES)
    const outcome = await saveCallWhiteboard(callId, big, 1)
    expect(outcome).toMatchObject({ ok: false, reason: 'invalid' })
    expect(!outcome.ok && outcome.message).toMatch(/too large to save .* the limit is 512 KB/)
    expect(await findCallWhiteboardStrokes(callId)).toBeUndefined()
  })
  it('refuses a time more than a day ahead, which would make every later save count as older', async () => {
    const callId = await createCall()
    const now = new Date()
    const dayAhead = now.getTime() + MAX_CLOCK_AHEAD_MS
    const huge = await saveCallWhiteboard(callId, JSON.stringify([stroke]), Number.MAX_SAFE_INTEGER, now)
    expect(huge).toMatchObject({ ok: false, reason: 'invalid' })
    expect(!huge.ok && huge.message).toMatch(/more than a day ahead .* Check the date and time/)
    const farStroke = JSON.stringify([{ ...stroke, t: dayAhead + 1 }])
    expect(await saveCallWhiteboard(callId, farStroke, 1, now)).toMatchObject({ ok: false })
    expect(await findCallWhiteboardStrokes(callId)).toBeUndefined()
    // A clock a few hours out (a wrong time zone) still saves, and the next save still replaces it.
    expect(await saveCallWhiteboard(callId, JSON.stringify([stroke]), dayAhead, now)).toEqual({ ok: true })
    const later = new Date(dayAhead + 1000)
    const next = JSON.stringify([{ ...stroke, id: 's2' }])
    expect(await saveCallWhiteboard(callId, next, dayAhead + 1, later)).toEqual({ ok: true })
    expect((await readCallWhiteboard(callId, later)).map((s) => s.id)).toEqual(['s2'])
  })

  it('a board saved with absurd times before they were bounded still opens, and the next save replaces it', async () => {
    const callId = await createCall()
    const now = new Date()
    const old = [
      { ...stroke, id: 'late', t: Number.MAX_SAFE_INTEGER },
      { ...stroke, id: 'early', t: 5 },
    ]
    await upsertCallWhiteboard({ callId, strokes: old, time: Number.MAX_SAFE_INTEGER, latestTime: 0, now })
    const opened = await readCallWhiteboard(callId, now)
    expect(opened.map((s) => [s.id, s.t])).toEqual([
      ['late', now.getTime() + MAX_CLOCK_AHEAD_MS],
      ['early', 5],
    ])
    const drawn = JSON.stringify([{ ...stroke, id: 'new', t: now.getTime() }])
    expect(await saveCallWhiteboard(callId, drawn, now.getTime(), now)).toEqual({ ok: true })
    expect((await readCallWhiteboard(callId, now)).map((s) => s.id)).toEqual(['new'])
  })
})
