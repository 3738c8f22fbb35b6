import { describe, expect, it } from 'vitest'
import { CLEAN_GIF, CLEAN_JPEG, CLEAN_PNG, CLEAN_WEBP } from '~/test/image-fixtures'
import { imagePixels, MAX_IMAGE_PIXELS } from './image-size'

/** A copy of the bytes with `values` written at `at`. */
function patched(bytes: Uint8Array, at: number, values: number[]): Uint8Array {
  const copy = Uint8Array.from(bytes)
  copy.set(values, at)
  return copy
}

describe('imagePixels', () => {
  it('reads the size each kind of image states in its header', () => {
    expect(imagePixels(CLEAN_JPEG, 'image/jpeg')).toBe(4 * 2)
    expect(imagePixels(CLEAN_PNG, 'image/png')).toBe(4 * 2)
    expect(imagePixels(CLEAN_WEBP, 'image/webp')).toBe(4 * 2)
    expect(imagePixels(CLEAN_GIF, 'image/gif')).toBe(1)
    expect(imagePixels(new TextEncoder().encode('notes'), 'text/plain')).toBe(0)
  })

  it('sees the 16,000 × 16,000 pixels a small file can state', () => {
    const sof = CLEAN_JPEG.indexOf(0xc0, 2) - 1 // FF C0: baseline start of frame
    const jpeg = patched(CLEAN_JPEG, sof + 5, [0x3e, 0x80, 0x3e, 0x80])
    const png = patched(CLEAN_PNG, 16, [0, 0, 0x3e, 0x80, 0, 0, 0x3e, 0x80])
    const webp = patched(CLEAN_WEBP, 24, [0x7f, 0x3e, 0, 0x7f, 0x3e, 0]) // VP8X canvas, minus one
    const gif = patched(CLEAN_GIF, 6, [0x80, 0x3e, 0x80, 0x3e])
    // A GIF frame larger than the screen it is placed on.
    const frame = CLEAN_GIF.indexOf(0x2c)
    const gifFrame = patched(CLEAN_GIF, frame + 5, [0x80, 0x3e, 0x80, 0x3e])
    for (const [bytes, type] of [
      [jpeg, 'image/jpeg'],
      [png, 'image/png'],
      [webp, 'image/webp'],
      [gif, 'image/gif'],
      [gifFrame, 'image/gif'],
    ] as const)
      expect(imagePixels(bytes, type), type).toBe(16_000 * 16_000)
    expect(16_000 * 16_000).toBeGreaterThan(MAX_IMAGE_PIXELS)
  })
})
