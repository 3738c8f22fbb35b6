import { crc32 } from 'node:zlib'

/*
 * Small real images (drawn by Chromium's canvas: 4×2 pixels, red on the left, blue on the right; the
 * JPEG and WebP carry Chromium's sRGB colour profile) and the metadata a phone or an editor puts in
 * them, built here byte by byte: Exif with a GPS position and the camera, XMP, IPTC, comments.
 */

const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'))

export const CLEAN_JPEG = fromBase64(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/2wBDAQMEBAUEBQkFBQkUDQsNFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBT/wAARCAACAAQDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAj/xAAaEAEAAQUAAAAAAAAAAAAAAAAAAgQGNoKy/8QAFQEBAQAAAAAAAAAAAAAAAAAAAwj/xAAdEQAABgMBAAAAAAAAAAAAAAAAAgMFBnM1NrKz/9oADAMBAAIRAxEAPwCALxyOr04iAuOIa220JeZQMpz7hcr2Yf/Z',
)
export const CLEAN_PNG = fromBase64(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAYAAAB/qH1jAAAAGElEQVR4AWI6w8DwH4QZGM78B2EmBjQAAAAA//+de3JTAAAABklEQVQDALMIBzGpKU1fAAAAAElFTkSuQmCC',
)
export const CLEAN_WEBP = fromBase64(
  'UklGRkACAABXRUJQVlA4WAoAAAAgAAAAAwAAAQAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggUgAAAHADAJ0BKgQAAgAAwBIlqAJ0ugFAA/ACtAP4BlAH6AAt2suogAD+/40bnB/gCx/+oLxDA7N//jJP/1BeIYHZv/4yT/aS5l3LfMPFLrzr190QAAA=',
)
/** 1×1 GIF89a, one white pixel, looping forever (a NETSCAPE2.0 block, which plays it and is kept). */
export const CLEAN_GIF = Uint8Array.from([
  ...Buffer.from('GIF89a'),
  0x01,
  0x00,
  0x01,
  0x00,
  0x80,
  0x00,
  0x00, // 1×1, a global table of 2 colours
  0xff,
  0xff,
  0xff,
  0x00,
  0x00,
  0x00,
  0x21,
  0xff,
  0x0b,
  ...Buffer.from('NETSCAPE2.0'),
  0x03,
  0x01,
  0x00,
  0x00,
  0x00,
  0x2c,
  0x00,
  0x00,
  0x00,
  0x00,
  0x01,
  0x00,
  0x01,
  0x00,
  0x00, // image descriptor
  0x02,
  0x02,
  0x44,
  0x01,
  0x00, // LZW data
  0x3b,
])

/** Words that must not survive: the camera, its owner, the street, and the GPS position in XMP. */
const LEAKS = ['Pixel 8 Pro', 'Jane Doe', 'Acacia Avenue', 'GPSLatitude', '51,30.0N']

const text = (value: string) => new Uint8Array(Buffer.from(value, 'latin1'))

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.concat(parts))
}

/**
 * A phone's Exif block (TIFF, little-endian): IFD0 with the camera, the owner, optionally an
 * orientation, and a pointer to a GPS IFD at 51°30′N.
 */
function phoneExif(orientation?: number): Uint8Array<ArrayBuffer> {
  const entries: [tag: number, type: number, count: number, value: number][] = []
  const extra: Uint8Array[] = []
  // Layout: header (8) + IFD0 (2 + n·12 + 4) + values; the GPS IFD and its values come last.
  const ifd0Count = orientation === undefined ? 4 : 5
  let free = 8 + 2 + ifd0Count * 12 + 4
  const addString = (value: string) => {
    const bytes = text(`${value}\0`)
    const at = free
    extra.push(bytes)
    free += bytes.length
    return { at, count: bytes.length }
  }
  const make = addString('Google')
  const model = addString('Pixel 8 Pro')
  const artist = addString('Jane Doe, 12 Acacia Avenue')
  entries.push(
    [0x010f, 2, make.count, make.at],
    [0x0110, 2, model.count, model.at],
    [0x013b, 2, artist.count, artist.at],
  )
  if (orientation !== undefined) entries.push([0x0112, 3, 1, orientation])
  const gpsAt = free
  entries.push([0x8825, 4, 1, gpsAt])
  entries.sort((a, b) => a[0] - b[0])
  // GPS IFD: LatitudeRef "N", Latitude 51/1 30/1 0/1.
  const gps = Buffer.alloc(2 + 2 * 12 + 4 + 24)
  gps.writeUInt16LE(2, 0)
  gps.writeUInt16LE(0x0001, 2)
  gps.writeUInt16LE(2, 4)
  gps.writeUInt32LE(2, 6)
  gps.write('N\0', 10, 'latin1')
  gps.writeUInt16LE(0x0002, 14)
  gps.writeUInt16LE(5, 16)
  gps.writeUInt32LE(3, 18)
  gps.writeUInt32LE(gpsAt + 30, 22)
  ;[51, 1, 30, 1, 0, 1].forEach((value, index) => gps.writeUInt32LE(value, 30 + index * 4))
  const head = Buffer.alloc(8 + 2 + ifd0Count * 12 + 4)
  head.write('II', 0, 'latin1')
  head.writeUInt16LE(42, 2)
  head.writeUInt32LE(8, 4)
  head.writeUInt16LE(ifd0Count, 8)
  entries.forEach(([tag, type, count, value], index) => {
    const at = 10 + index * 12
    head.writeUInt16LE(tag, at)
    head.writeUInt16LE(type, at + 2)
    head.writeUInt32LE(count, at + 4)
    if (type === 3) head.writeUInt16LE(value, at + 8)
    else head.writeUInt32LE(value, at + 8)
  })
  return concat([head, ...extra, gps])
}

const XMP = text(
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description exif:GPSLatitude="51,30.0N" ' +
    'dc:creator="Jane Doe"/></rdf:RDF></x:xmpmeta>',
)

function jpegSegment(marker: number, payload: Uint8Array): Uint8Array<ArrayBuffer> {
  const length = payload.length + 2
  return concat([Uint8Array.from([0xff, marker, length >> 8, length & 0xff]), payload])
}

/** The clean JPEG as a phone and an editor leave it, with a second picture and a ZIP after its end. */
export function jpegWithMetadata(orientation?: number): Uint8Array<ArrayBuffer> {
  const app0End = 2 + 2 + ((CLEAN_JPEG[4]! << 8) | CLEAN_JPEG[5]!)
  return concat([
    CLEAN_JPEG.subarray(0, app0End),
    jpegSegment(0xe1, concat([text('Exif\0\0'), phoneExif(orientation)])),
    jpegSegment(0xe1, concat([text('http://ns.adobe.com/xap/1.0/\0'), XMP])),
    jpegSegment(0xed, text('Photoshop 3.0\x008BIM\x04\x04\0\0\0\0\0\x1c\x1c\x02\x5a\0\x0dAcacia Avenue')),
    jpegSegment(0xe2, text('MPF\0II*\0Pixel 8 Pro')),
    jpegSegment(0xfe, text('Taken at 12 Acacia Avenue')),
    CLEAN_JPEG.subarray(app0End),
    CLEAN_JPEG, // a second picture after the end, as a phone's depth map or an "original" follows
    text('PK\x03\x04 Jane Doe'),
  ])
}

function pngChunk(type: string, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return concat([head, data, crc])
}

/** The clean PNG with Exif (after IHDR), text chunks, a time, and bytes after its end. */
export function pngWithMetadata(orientation?: number): Uint8Array<ArrayBuffer> {
  const ihdrEnd = 8 + 25
  return concat([
    CLEAN_PNG.subarray(0, ihdrEnd),
    pngChunk('eXIf', phoneExif(orientation)),
    pngChunk('tEXt', text('Author\0Jane Doe')),
    pngChunk('iTXt', concat([text('XML:com.adobe.xmp\0\0\0\0\0'), XMP])),
    pngChunk('tIME', Uint8Array.from([0x07, 0xea, 12, 8, 1, 2, 3])),
    CLEAN_PNG.subarray(ihdrEnd),
    text('Acacia Avenue'),
  ])
}

function riffChunk(type: string, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const head = Buffer.alloc(8)
  head.write(type, 0, 'latin1')
  head.writeUInt32LE(data.length, 4)
  return concat([head, data, data.length % 2 ? new Uint8Array(1) : new Uint8Array(0)])
}

/** The clean WebP with EXIF and XMP chunks (flagged in its VP8X header) and bytes after its end. */
export function webpWithMetadata(orientation?: number): Uint8Array<ArrayBuffer> {
  const body = Uint8Array.from(CLEAN_WEBP.subarray(12))
  body[8] = body[8]! | 0x08 | 0x04
  const chunks = concat([body, riffChunk('EXIF', phoneExif(orientation)), riffChunk('XMP ', XMP)])
  const header = Buffer.alloc(12)
  header.write('RIFF', 0, 'latin1')
  header.writeUInt32LE(chunks.length + 4, 4)
  header.write('WEBP', 8, 'latin1')
  return concat([header, chunks, text('Acacia Avenue')])
}

/** The clean GIF with a comment and an XMP application block before its picture, and bytes after it. */
export function gifWithMetadata(): Uint8Array<ArrayBuffer> {
  const beforeImage = CLEAN_GIF.indexOf(0x2c)
  const comment = concat([Uint8Array.from([0x21, 0xfe, 13]), text('Acacia Avenue'), Uint8Array.from([0])])
  const xmp = concat([
    Uint8Array.from([0x21, 0xff, 0x0b]),
    text('XMP DataXMP'),
    Uint8Array.from([8]),
    text('Jane Doe'),
    Uint8Array.from([0]),
  ])
  return concat([
    CLEAN_GIF.subarray(0, beforeImage),
    comment,
    xmp,
    CLEAN_GIF.subarray(beforeImage),
    text('Pixel 8 Pro'),
  ])
}

/** Whether any of LEAKS appears in the bytes. */
export function leaksIn(bytes: Uint8Array): string[] {
  const asText = Buffer.from(bytes).toString('latin1')
  return LEAKS.filter((leak) => asText.includes(leak))
}
