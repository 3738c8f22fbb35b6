import { crc32 } from 'node:zlib'

/*
 * Photos carry more than their picture: a phone's JPEG holds where it was taken (GPS), when, the
 * camera and its serial number, often a thumbnail of the uncropped original; editors add XMP and
 * IPTC blocks with names and places, PNG text chunks and GIF comments hold anything at all. A
 * portfolio image is public, and attachments reach people their sender never met. So an image is
 * kept and served with its picture only: the segments, chunks and blocks that draw it (colour
 * profiles included), and the one fact from its Exif a browser uses to draw it, the orientation.
 * Bytes after the image's end marker (another picture, a ZIP) go too.
 */

/** Image types whose metadata is removed; every type an upload may have as an image. */
type ImageType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif'

const isImageType = (contentType: string): contentType is ImageType =>
  contentType === 'image/jpeg' ||
  contentType === 'image/png' ||
  contentType === 'image/webp' ||
  contentType === 'image/gif'

/**
 * The image without its metadata, or null when its structure cannot be followed (damaged or made
 * up). Bytes of any other type come back as they are. An image without metadata comes back equal.
 */
export function withoutImageMetadata(bytes: Uint8Array, contentType: string): Uint8Array | null {
  if (!isImageType(contentType)) return bytes
  try {
    switch (contentType) {
      case 'image/jpeg':
        return jpegWithoutMetadata(bytes)
      case 'image/png':
        return pngWithoutMetadata(bytes)
      case 'image/webp':
        return webpWithoutMetadata(bytes)
      case 'image/gif':
        return gifWithoutMetadata(bytes)
    }
  } catch (error) {
    if (error instanceof RangeError) return null
    throw error
  }
}

/** Reads past the end throw RangeError (caught above as "cannot be followed"). */
function byteAt(bytes: Uint8Array, at: number): number {
  const value = bytes[at]
  if (value === undefined) throw new RangeError('past the end')
  return value
}

function uint16be(bytes: Uint8Array, at: number): number {
  return (byteAt(bytes, at) << 8) | byteAt(bytes, at + 1)
}

function uint32be(bytes: Uint8Array, at: number): number {
  return uint16be(bytes, at) * 0x10000 + uint16be(bytes, at + 2)
}

function uint32le(bytes: Uint8Array, at: number): number {
  return (
    byteAt(bytes, at) + (byteAt(bytes, at + 1) << 8) + (byteAt(bytes, at + 2) << 16) + byteAt(bytes, at + 3) * 0x1000000
  )
}

function slice(bytes: Uint8Array, from: number, to: number): Uint8Array {
  if (from < 0 || to > bytes.length || from > to) throw new RangeError('past the end')
  return bytes.subarray(from, to)
}

function concat(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0)
  const out = new Uint8Array(total)
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

/**
 * The kept parts joined; the input itself when they are all of it, in order (nothing was removed),
 * so an image without metadata costs no copy.
 */
function joined(input: Uint8Array, parts: Uint8Array[]): Uint8Array {
  let expected = input.byteOffset
  for (const part of parts) {
    if (part.buffer !== input.buffer || part.byteOffset !== expected) return concat(parts)
    expected += part.length
  }
  return expected === input.byteOffset + input.length ? input : concat(parts)
}

const be32 = (value: number) =>
  Uint8Array.from([(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff])

const le32 = (value: number) =>
  Uint8Array.from([value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff])

const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0))

function ascii(bytes: Uint8Array, from: number, length: number): string {
  if (from + length > bytes.length) return ''
  return String.fromCharCode(...bytes.subarray(from, from + length))
}

// ---- Exif orientation --------------------------------------------------------------------------

const ORIENTATION_TAG = 0x0112

/** The Orientation (2–8) in a TIFF-structured Exif block; null when absent, normal (1) or unreadable. */
function exifOrientation(tiff: Uint8Array): number | null {
  try {
    const order = ascii(tiff, 0, 2)
    if (order !== 'II' && order !== 'MM') return null
    const little = order === 'II'
    const u16 = (at: number) => (little ? byteAt(tiff, at) | (byteAt(tiff, at + 1) << 8) : uint16be(tiff, at))
    const u32 = (at: number) => (little ? uint32le(tiff, at) : uint32be(tiff, at))
    if (u16(2) !== 42) return null
    const ifd = u32(4)
    const entries = u16(ifd)
    for (let index = 0; index < entries; index++) {
      const entry = ifd + 2 + index * 12
      if (u16(entry) !== ORIENTATION_TAG) continue
      // SHORT, one value, stored in the first two bytes of the value field.
      if (u16(entry + 2) !== 3) return null
      const value = u16(entry + 8)
      return value >= 2 && value <= 8 ? value : null
    }
    return null
  } catch (error) {
    if (error instanceof RangeError) return null
    throw error
  }
}

/** A TIFF-structured Exif block holding the orientation and nothing else (26 bytes, big-endian). */
function orientationOnlyExif(orientation: number): Uint8Array {
  // "MM", 42, the first IFD at 8; one entry: Orientation (0x0112), SHORT, 1 value; no next IFD.
  return concat([
    latin1('MM'),
    Uint8Array.from([0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]),
  ])
}

// ---- JPEG --------------------------------------------------------------------------------------

const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00] // "Exif\0\0"

/** Whether a segment (marker, then payload from `at`) is kept: everything that draws the picture. */
function keepsJpegSegment(marker: number, bytes: Uint8Array, at: number, length: number): boolean {
  if (marker === 0xe0) return ascii(bytes, at, 5) === 'JFIF\0' // APP0: JFIF (its density), not JFXX thumbnails
  if (marker === 0xe2) return ascii(bytes, at, 12) === 'ICC_PROFILE\0' // APP2: colour profile, not MPF pictures
  if (marker === 0xee) return length >= 5 && ascii(bytes, at, 5) === 'Adobe' // APP14: colour transform
  if (marker >= 0xe0 && marker <= 0xef) return false // other APPn: Exif, XMP, IPTC, maker notes…
  return marker !== 0xfe // COM: comments
}

function jpegWithoutMetadata(bytes: Uint8Array): Uint8Array | null {
  if (uint16be(bytes, 0) !== 0xffd8) return null
  const kept: Uint8Array[] = [slice(bytes, 0, 2)]
  let orientation: number | null = null
  let exifAfter = 1 // where the orientation block goes: after SOI, or after a leading JFIF
  let at = 2
  for (;;) {
    if (at >= bytes.length) return null // ended before the picture did
    if (byteAt(bytes, at) !== 0xff) return null
    while (byteAt(bytes, at + 1) === 0xff) at++ // fill bytes
    const marker = byteAt(bytes, at + 1)
    if (marker === 0xd9) {
      kept.push(slice(bytes, at, at + 2)) // EOI: nothing after it is kept
      break
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      kept.push(slice(bytes, at, at + 2))
      at += 2
      continue
    }
    const length = uint16be(bytes, at + 2)
    if (length < 2) return null
    const end = at + 2 + length
    if (end > bytes.length) return null
    if (marker === 0xe1 && EXIF_HEADER.every((byte, index) => bytes[at + 4 + index] === byte)) {
      orientation ??= exifOrientation(slice(bytes, at + 10, end))
    }
    if (keepsJpegSegment(marker, bytes, at + 4, length - 2)) {
      kept.push(slice(bytes, at, end))
      if (marker === 0xe0 && kept.length === 2) exifAfter = 2
    }
    at = end
    if (marker !== 0xda) continue
    // After a scan's header: its entropy-coded data, up to the next marker that is not a stuffed
    // 0xFF00 or a restart marker. A file cut off inside the data is kept so (browsers draw what it has).
    const dataStart = at
    for (;;) {
      const ff = bytes.indexOf(0xff, at)
      if (ff === -1 || ff + 1 >= bytes.length) {
        kept.push(slice(bytes, dataStart, bytes.length))
        return withOrientation(bytes, kept, exifAfter, orientation)
      }
      const next = byteAt(bytes, ff + 1)
      if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
        at = ff + 1
        continue
      }
      at = ff
      break
    }
    kept.push(slice(bytes, dataStart, at))
  }
  return withOrientation(bytes, kept, exifAfter, orientation)
}

function withOrientation(bytes: Uint8Array, kept: Uint8Array[], after: number, orientation: number | null): Uint8Array {
  if (orientation === null) return joined(bytes, kept)
  const tiff = orientationOnlyExif(orientation)
  const length = 2 + EXIF_HEADER.length + tiff.length
  const app1 = concat([Uint8Array.from([0xff, 0xe1, length >> 8, length & 0xff, ...EXIF_HEADER]), tiff])
  return concat([...kept.slice(0, after), app1, ...kept.slice(after)])
}

// ---- PNG ---------------------------------------------------------------------------------------

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
/** Chunks holding words or Exif (with GPS), or when the file was made; none draws anything. */
const PNG_METADATA_CHUNKS = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME'])

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const typeAndData = concat([latin1(type), data])
  return concat([be32(data.length), typeAndData, be32(crc32(typeAndData))])
}

function pngWithoutMetadata(bytes: Uint8Array): Uint8Array | null {
  if (!PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) return null
  const kept: Uint8Array[] = [slice(bytes, 0, 8)]
  let at = 8
  for (;;) {
    // A file that stops between chunks is kept so (browsers draw what it has).
    if (at === bytes.length) return joined(bytes, kept)
    const length = uint32be(bytes, at)
    const type = ascii(bytes, at + 4, 4)
    const end = at + 12 + length
    if (end > bytes.length) return null
    if (type === 'eXIf') {
      const orientation = exifOrientation(slice(bytes, at + 8, at + 8 + length))
      if (orientation !== null) kept.push(pngChunk('eXIf', orientationOnlyExif(orientation)))
    } else if (!PNG_METADATA_CHUNKS.has(type)) {
      kept.push(slice(bytes, at, end))
    }
    at = end
    if (type === 'IEND') return joined(bytes, kept)
  }
}

// ---- WebP --------------------------------------------------------------------------------------

const VP8X_EXIF = 0x08
const VP8X_XMP = 0x04

/** The chunks of a WebP file, each with where it starts and ends (padding included). */
function webpChunks(bytes: Uint8Array, riffEnd: number): { type: string; at: number; end: number }[] | null {
  const chunks = []
  let at = 12
  while (at < riffEnd) {
    const size = uint32le(bytes, at + 4)
    const end = at + 8 + size + (size % 2)
    if (end > riffEnd) return null
    chunks.push({ type: ascii(bytes, at, 4), at, end })
    at = end
  }
  return chunks
}

function webpWithoutMetadata(bytes: Uint8Array): Uint8Array | null {
  if (ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WEBP') return null
  const riffEnd = 8 + uint32le(bytes, 4)
  if (riffEnd > bytes.length) return null
  const chunks = webpChunks(bytes, riffEnd)
  if (!chunks) return null
  const exif = chunks.find((chunk) => chunk.type === 'EXIF')
  if (!exif && !chunks.some((chunk) => chunk.type === 'XMP ') && riffEnd === bytes.length) return bytes
  // Some writers start the chunk with JPEG's "Exif\0\0".
  const exifStart = exif && ascii(bytes, exif.at + 8, 4) === 'Exif' ? exif.at + 14 : (exif?.at ?? 0) + 8
  const orientation = exif ? exifOrientation(slice(bytes, exifStart, exif.end)) : null
  const kept: Uint8Array[] = []
  for (const { type, at, end } of chunks) {
    if (type === 'EXIF' || type === 'XMP ') continue
    if (type === 'VP8X') {
      const chunk = Uint8Array.from(slice(bytes, at, end))
      chunk[8] = byteAt(chunk, 8) & ~VP8X_XMP & (orientation === null ? ~VP8X_EXIF : 0xff)
      kept.push(chunk)
    } else {
      kept.push(slice(bytes, at, end))
    }
  }
  if (orientation !== null) {
    const tiff = orientationOnlyExif(orientation)
    kept.push(latin1('EXIF'), le32(tiff.length), tiff)
  }
  const body = concat(kept)
  return concat([latin1('RIFF'), le32(body.length + 4), latin1('WEBP'), body])
}

// ---- GIF ---------------------------------------------------------------------------------------

/** Application extensions that change how a GIF plays (its loop count); others hold XMP or anything. */
const GIF_PLAYBACK_APPLICATIONS = new Set(['NETSCAPE2.0', 'ANIMEXTS1.0'])

/** The end of a run of data sub-blocks starting at `at` (just past its zero-length terminator). */
function gifSubBlocksEnd(bytes: Uint8Array, at: number): number {
  for (;;) {
    const size = byteAt(bytes, at)
    at += 1 + size
    if (size === 0) return at
  }
}

function gifColourTableBytes(packed: number): number {
  return packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0
}

function gifWithoutMetadata(bytes: Uint8Array): Uint8Array | null {
  const version = ascii(bytes, 0, 6)
  if (version !== 'GIF87a' && version !== 'GIF89a') return null
  let at = 13 + gifColourTableBytes(byteAt(bytes, 10))
  const kept: Uint8Array[] = [slice(bytes, 0, at)]
  for (;;) {
    // A file that stops between blocks is kept so (browsers draw what it has).
    if (at === bytes.length) return joined(bytes, kept)
    const introducer = byteAt(bytes, at)
    if (introducer === 0x3b) return joined(bytes, [...kept, slice(bytes, at, at + 1)])
    if (introducer === 0x2c) {
      const tableEnd = at + 10 + gifColourTableBytes(byteAt(bytes, at + 9))
      const end = gifSubBlocksEnd(bytes, tableEnd + 1) // after the LZW minimum code size
      kept.push(slice(bytes, at, end))
      at = end
      continue
    }
    if (introducer !== 0x21) return null
    const label = byteAt(bytes, at + 1)
    const end = gifSubBlocksEnd(bytes, at + 2)
    if (end > bytes.length) return null
    const application = label === 0xff && byteAt(bytes, at + 2) === 11 ? ascii(bytes, at + 3, 11) : null
    const metadata = label === 0xfe || (label === 0xff && !GIF_PLAYBACK_APPLICATIONS.has(application ?? ''))
    if (!metadata) kept.push(slice(bytes, at, end))
    at = end
  }
}
