import { describe, expect, it } from 'vitest'
import { textFileRefusal } from './text-refusal'

const bytes = (...values: number[]) => new Uint8Array(values)

describe('textFileRefusal', () => {
  it('says a text file in an older encoding is text, and how to save it as UTF-8', () => {
    expect(textFileRefusal('notes.txt', bytes(0x63, 0x61, 0x66, 0xe9))).toBe(
      '"notes.txt" is text in an older encoding, not UTF-8. Save it as UTF-8 (in most editors: Save as, then Encoding: UTF-8) and choose it again.',
    )
    expect(textFileRefusal('Data.CSV', bytes(0x61, 0x3b, 0xa3))).toContain('older encoding')
  })

  it('names UTF-16 ("Unicode" in Notepad) by its byte-order mark, either way round', () => {
    expect(textFileRefusal('notes.txt', bytes(0xff, 0xfe, 0x61, 0))).toContain('is text saved as UTF-16 ("Unicode")')
    expect(textFileRefusal('notes.md', bytes(0xfe, 0xff, 0, 0x61))).toContain('UTF-16')
  })

  it('leaves binary data and files not named as text to the general refusal', () => {
    expect(textFileRefusal('notes.txt', bytes(0x7f, 0x45, 0x4c, 0x46, 0, 1))).toBeNull()
    expect(textFileRefusal('photo.png', bytes(0x63, 0xe9))).toBeNull()
    expect(textFileRefusal('txt', bytes(0x63, 0xe9))).toBeNull()
  })
})
