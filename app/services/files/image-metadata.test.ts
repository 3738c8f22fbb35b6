import { describe, expect, it } from 'vitest'
import {
  CLEAN_GIF,
  CLEAN_JPEG,
  CLEAN_PNG,
  CLEAN_WEBP,
  gifWithMetadata,
  jpegWithMetadata,
  leaksIn,
  pngWithMetadata,
  webpWithMetadata,
} from '~/test/image-fixtures'
import { withoutImageMetadata } from './image-metadata'

/** The 26-byte Exif (TIFF, big-endian) holding only an orientation, as the images keep it. */
const orientationExif = (orientation: number) =>
  Buffer.from([0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0])

const bytesOf = (bytes: Uint8Array | null) => (bytes ? Buffer.from(bytes) : null)

describe('withoutImageMetadata', () => {
  it.each([
    ['image/jpeg', jpegWithMetadata(), CLEAN_JPEG],
    ['image/png', pngWithMetadata(), CLEAN_PNG],
    ['image/webp', webpWithMetadata(), CLEAN_WEBP],
    ['image/gif', gifWithMetadata(), CLEAN_GIF],
  ])(
    'gives a %s back as the picture alone: no GPS, camera, names, comments or bytes after its end',
    (type, dirty, clean) => {
      expect(leaksIn(dirty).length).toBeGreaterThan(0)
      const kept = withoutImageMetadata(dirty, type)
      expect(leaksIn(kept!)).toEqual([])
      // Exactly the image as drawn before any metadata was added (colour profiles and loop count kept).
      expect(bytesOf(kept)).toEqual(Buffer.from(clean))
    },
  )

  it('keeps a JPEG’s orientation, the one Exif fact that changes how it is drawn', () => {
    const kept = bytesOf(withoutImageMetadata(jpegWithMetadata(6), 'image/jpeg'))
    const app0End = 4 + CLEAN_JPEG[5]!
    const exifSegment = Buffer.concat([
      Buffer.from([0xff, 0xe1, 0, 34]),
      Buffer.from('Exif\0\0', 'latin1'),
      orientationExif(6),
    ])
    expect(kept).toEqual(Buffer.concat([CLEAN_JPEG.subarray(0, app0End), exifSegment, CLEAN_JPEG.subarray(app0End)]))
    expect(leaksIn(kept!)).toEqual([])
  })

  it('keeps a PNG’s and a WebP’s orientation the same way', () => {
    const png = bytesOf(withoutImageMetadata(pngWithMetadata(3), 'image/png'))!
    expect(png.length).toBe(CLEAN_PNG.length + 12 + 26)
    expect(png.indexOf(Buffer.concat([Buffer.from('eXIf'), orientationExif(3)]))).toBe(8 + 25 + 4)
    const webp = bytesOf(withoutImageMetadata(webpWithMetadata(8), 'image/webp'))!
    expect(webp.subarray(-34)).toEqual(
      Buffer.concat([Buffer.from('EXIF'), Buffer.from([26, 0, 0, 0]), orientationExif(8)]),
    )
    expect(webp[20]! & 0x0c).toBe(0x08) // VP8X: Exif flagged, XMP not
    expect(webp.readUInt32LE(4)).toBe(webp.length - 8)
    expect([...leaksIn(png), ...leaksIn(webp)]).toEqual([])
  })

  it('returns an image without metadata as it is, without copying it', () => {
    for (const [type, clean] of [
      ['image/jpeg', CLEAN_JPEG],
      ['image/png', CLEAN_PNG],
      ['image/webp', CLEAN_WEBP],
      ['image/gif', CLEAN_GIF],
    ] as const)
      expect(withoutImageMetadata(clean, type)).toBe(clean)
  })

  it('keeps an image cut off between its parts or inside its picture data as it is (browsers draw what it has)', () => {
    const cuts = [
      ['image/jpeg', CLEAN_JPEG.subarray(0, CLEAN_JPEG.length - 10)],
      ['image/png', CLEAN_PNG.subarray(0, CLEAN_PNG.length - 12)],
      ['image/gif', CLEAN_GIF.subarray(0, CLEAN_GIF.length - 1)],
    ] as const
    for (const [type, cut] of cuts) expect(withoutImageMetadata(cut, type)).toBe(cut)
    // A phone's photo cut 20 bytes before its picture ends: its metadata still goes.
    const dirty = jpegWithMetadata()
    const firstPictureEnd = dirty.length - CLEAN_JPEG.length - 'PK\x03\x04 Jane Doe'.length
    const kept = withoutImageMetadata(dirty.subarray(0, firstPictureEnd - 20), 'image/jpeg')
    expect(bytesOf(kept)).toEqual(Buffer.from(CLEAN_JPEG.subarray(0, CLEAN_JPEG.length - 20)))
  })

  it('answers null for an image whose structure cannot be followed', () => {
    expect(withoutImageMetadata(CLEAN_JPEG.subarray(0, 300), 'image/jpeg')).toBeNull() // cut inside a segment
    expect(withoutImageMetadata(CLEAN_PNG.subarray(0, 50), 'image/png')).toBeNull()
    expect(withoutImageMetadata(CLEAN_WEBP.subarray(0, 100), 'image/webp')).toBeNull()
    expect(withoutImageMetadata(Buffer.from('GIF89a\x01\0\x01\0\0\0\0!\xfe\x05ab', 'latin1'), 'image/gif')).toBeNull()
    expect(withoutImageMetadata(Buffer.from('not an image'), 'image/png')).toBeNull()
  })

  it('leaves files of other types alone', () => {
    const pdf = Buffer.from('%PDF-1.7 Jane Doe')
    expect(withoutImageMetadata(pdf, 'application/pdf')).toBe(pdf)
  })
})
