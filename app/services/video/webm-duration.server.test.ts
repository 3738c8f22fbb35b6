import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeWebmDuration } from './webm-duration.server'

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'hex')

/** The start of a MediaRecorder WebM: header, a Segment of unknown size, Info without Duration, Tracks, a Cluster. */
const LIVE_WEBM = Buffer.concat([
  hex('1A45DFA3 84 4286 8101'),
  hex('18538067 01FFFFFFFFFFFFFF'),
  hex('1549A966 8C 2AD7B1 83 0F4240 4D80 82 6162'),
  hex('1654AE6B 80'),
  hex('1F43B675 83 E78100'),
])

async function withFile(bytes: Uint8Array) {
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'webm-')), 'recording')
  await fs.writeFile(file, bytes)
  return file
}

describe('writeWebmDuration', () => {
  it('adds Duration to Info and keeps everything after it', async () => {
    const file = await withFile(LIVE_WEBM)
    expect(await writeWebmDuration(file, 5250)).toBe(true)
    const fixed = await fs.readFile(file)
    const info = fixed.indexOf(hex('1549A966'))
    // The size is rewritten in 8 bytes and covers the old fields and the new Duration (12 + 11).
    expect(fixed.subarray(info + 4, info + 12)).toEqual(hex('01 00000000000017'))
    const duration = fixed.indexOf(hex('4489 88'))
    expect(fixed.readDoubleBE(duration + 3)).toBe(5250)
    expect(fixed.subarray(duration + 11)).toEqual(hex('1654AE6B 80 1F43B675 83 E78100'))

    // Writing again replaces the value in place.
    expect(await writeWebmDuration(file, 6000)).toBe(true)
    const again = await fs.readFile(file)
    expect(again.length).toBe(fixed.length)
    expect(again.readDoubleBE(duration + 3)).toBe(6000)
  })

  it('leaves a file that is not WebM alone', async () => {
    const file = await withFile(Buffer.from('not a webm file'))
    expect(await writeWebmDuration(file, 1000)).toBe(false)
    expect(await fs.readFile(file, 'utf8')).toBe('not a webm file')
  })
})
