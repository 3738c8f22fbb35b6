/*
 * How many pixels an image draws, read from its header. A browser decodes every pixel into four
 * bytes whatever the file weighs: a 1 MB PNG of one colour can be 16,000 × 16,000 pixels, a gigabyte
 * in the memory of every phone that opens the profile or message showing it. So uploads are held
 * to a pixel count as well as a file size.
 */

/** The most pixels an uploaded image may have: 50 megapixels (a 12 MP phone photo has 12). */
export const MAX_IMAGE_PIXELS = 50_000_000

type Size = { width: number; height: number }

const u16le = (bytes: Uint8Array, at: number) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8)
const u16be = (bytes: Uint8Array, at: number) => ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0)
const u24le = (bytes: Uint8Array, at: number) => u16le(bytes, at) | ((bytes[at + 2] ?? 0) << 16)
const u32be = (bytes: Uint8Array, at: number) => u16be(bytes, at) * 0x10000 + u16be(bytes, at + 2)
const u32le = (bytes: Uint8Array, at: number) => u16le(bytes, at) + u16le(bytes, at + 2) * 0x10000
const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length))

/** Start-of-frame markers (baseline, progressive, lossless, arithmetic); not DHT (C4), JPG (C8), DAC (CC). */
const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc

function jpegSizes(bytes: Uint8Array): Size[] {
  const sizes: Size[] = []
  let at = 2
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    while (bytes[at + 1] === 0xff) at++
    const marker = bytes[at + 1] ?? 0
    if (marker === 0xda || marker === 0xd9) break // the picture data starts: every frame header came before
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2
      continue
    }
    if (isStartOfFrame(marker)) sizes.push({ height: u16be(bytes, at + 5), width: u16be(bytes, at + 7) })
    at += 2 + u16be(bytes, at + 2)
  }
  return sizes
}

function webpSizes(bytes: Uint8Array): Size[] {
  const sizes: Size[] = []
  let at = 12
  while (at + 8 <= bytes.length) {
    const type = ascii(bytes, at, 4)
    const size = u32le(bytes, at + 4)
    const data = at + 8
    if (type === 'VP8X') sizes.push({ width: u24le(bytes, data + 4) + 1, height: u24le(bytes, data + 7) + 1 })
    if (type === 'VP8 ') sizes.push({ width: u16le(bytes, data + 6) & 0x3fff, height: u16le(bytes, data + 8) & 0x3fff })
    if (type === 'VP8L') {
      const bits = u32le(bytes, data + 1)
      sizes.push({ width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 })
    }
    at = data + size + (size % 2)
  }
  return sizes
}

function gifSizes(bytes: Uint8Array): Size[] {
  const sizes: Size[] = [{ width: u16le(bytes, 6), height: u16le(bytes, 8) }]
  const table = (packed: number) => (packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0)
  const skipSubBlocks = (at: number) => {
    while (at < bytes.length && bytes[at] !== 0) at += 1 + (bytes[at] ?? 0)
    return at + 1
  }
  let at = 13 + table(bytes[10] ?? 0)
  while (at < bytes.length) {
    const introducer = bytes[at]
    if (introducer === 0x2c) {
      // A frame larger than the screen it is placed on still has all its pixels decoded.
      sizes.push({ width: u16le(bytes, at + 5), height: u16le(bytes, at + 7) })
      at = skipSubBlocks(at + 10 + table(bytes[at + 9] ?? 0) + 1)
    } else if (introducer === 0x21) {
      at = skipSubBlocks(at + 2)
    } else {
      break
    }
  }
  return sizes
}

/**
 * The largest pixel count among the image's frames as its header states them (0 when none is
 * stated). Other types count 0.
 */
export function imagePixels(bytes: Uint8Array, contentType: string): number {
  let sizes: Size[] = []
  if (contentType === 'image/jpeg') sizes = jpegSizes(bytes)
  else if (contentType === 'image/png') sizes = [{ width: u32be(bytes, 16), height: u32be(bytes, 20) }]
  else if (contentType === 'image/webp') sizes = webpSizes(bytes)
  else if (contentType === 'image/gif') sizes = gifSizes(bytes)
  return Math.max(0, ...sizes.map(({ width, height }) => width * height))
}
