import fs from 'node:fs/promises'
import { createReadStream, createWriteStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'

/*
 * MediaRecorder writes WebM as a live stream: its Segment has no size and its Info no Duration, so
 * a player shows no length (duration Infinity) and cannot seek until it has read the whole file.
 * Once the recording stops we know its length and write the Duration element into Info. Chrome's
 * files have no SeekHead or Cues, so the bytes after Info may move.
 */

const EBML_HEADER = 0x1a45dfa3
const SEGMENT = 0x18538067
const INFO = 0x1549a966
const CLUSTER = 0x1f43b675
const TIMECODE_SCALE = 0x2ad7b1
const DURATION = 0x4489
/** Info sits within the first few hundred bytes; this is far more than it needs. */
const HEAD_BYTES = 64 * 1024

type Element = { id: number; start: number; dataStart: number; size: number | null }

/** A variable-length integer; `keepMarker` for element ids, which keep their length bits. */
function readVint(
  bytes: Uint8Array,
  at: number,
  keepMarker: boolean,
): { value: number; length: number; unknown: boolean } | null {
  const first = bytes[at]
  if (first === undefined || first === 0) return null
  let length = 1
  while (!(first & (0x80 >> (length - 1)))) length++
  if (at + length > bytes.length) return null
  let value = keepMarker ? first : first & (0xff >> length)
  let allOnes = value === 0xff >> length
  for (let i = 1; i < length; i++) {
    const byte = bytes[at + i] ?? 0
    value = value * 256 + byte
    allOnes &&= byte === 0xff
  }
  return { value, length, unknown: !keepMarker && allOnes }
}

function readElement(bytes: Uint8Array, at: number): Element | null {
  const id = readVint(bytes, at, true)
  if (!id || id.length > 4) return null
  const size = readVint(bytes, at + id.length, false)
  if (!size) return null
  const dataStart = at + id.length + size.length
  return { id: id.value, start: at, dataStart, size: size.unknown ? null : size.value }
}

function children(bytes: Uint8Array, from: number, to: number): Element[] {
  const found: Element[] = []
  for (let at = from; at < to;) {
    const element = readElement(bytes, at)
    if (!element) break
    found.push(element)
    if (element.size === null || element.id === CLUSTER) break
    at = element.dataStart + element.size
  }
  return found
}

function readUint(bytes: Uint8Array, element: Element): number {
  let value = 0
  for (let i = 0; i < (element.size ?? 0); i++) value = value * 256 + (bytes[element.dataStart + i] ?? 0)
  return value
}

/** An element whose size is written in 8 bytes, so a later change of length never moves its data. */
function encodeElement(idBytes: Uint8Array, data: Uint8Array): Uint8Array {
  const sizeBytes = new Uint8Array(8)
  sizeBytes[0] = 0x01
  let size = data.length
  for (let i = 7; i >= 1; i--) {
    sizeBytes[i] = size & 0xff
    size = Math.floor(size / 256)
  }
  return Buffer.concat([idBytes, sizeBytes, data])
}

function float64(value: number): Uint8Array {
  const bytes = Buffer.alloc(8)
  bytes.writeDoubleBE(value)
  return bytes
}

/**
 * Writes `durationMs` into the WebM file's Info as its Duration. Returns false (and leaves the file
 * alone) when the file is not laid out as expected, e.g. not WebM.
 */
export async function writeWebmDuration(path: string, durationMs: number): Promise<boolean> {
  const file = await fs.open(path, 'r')
  let head: Uint8Array
  try {
    const buffer = Buffer.alloc(HEAD_BYTES)
    const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0)
    head = buffer.subarray(0, bytesRead)
  } finally {
    await file.close()
  }
  const top = children(head, 0, head.length)
  const segment = top[1]
  if (top[0]?.id !== EBML_HEADER || segment?.id !== SEGMENT) return false
  const info = children(head, segment.dataStart, head.length).find((element) => element.id === INFO)
  if (!info || info.size === null || info.dataStart + info.size > head.length) return false
  const infoEnd = info.dataStart + info.size
  const fields = children(head, info.dataStart, infoEnd)
  const scale = fields.find((field) => field.id === TIMECODE_SCALE)
  const value = (durationMs * 1_000_000) / (scale ? readUint(head, scale) : 1_000_000)
  const existing = fields.find((field) => field.id === DURATION && field.size === 8)
  if (existing) {
    const handle = await fs.open(path, 'r+')
    await handle.write(float64(value), 0, 8, existing.dataStart).finally(() => handle.close())
    return true
  }
  const durationElement = Buffer.concat([Uint8Array.of(0x44, 0x89, 0x88), float64(value)])
  const newInfo = encodeElement(
    head.subarray(info.start, info.start + 4),
    Buffer.concat([head.subarray(info.dataStart, infoEnd), durationElement]),
  )
  const temporary = `${path}.duration`
  const out = createWriteStream(temporary)
  out.write(head.subarray(0, info.start))
  out.write(newInfo)
  await pipeline(createReadStream(path, { start: infoEnd }), out)
  await fs.rename(temporary, path)
  return true
}
