export type ByteRange = { start: number; end: number }

/**
 * The one byte range a `Range` header asks for within a file of `size` bytes (inclusive ends), null
 * when there is no usable header (serve the whole file), or 'unsatisfiable' for a 416. Several
 * ranges at once are answered with the whole file, which RFC 9110 allows and media players never ask.
 */
export function parseByteRange(header: string | null, size: number): ByteRange | 'unsatisfiable' | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null
  if (!match) return null
  const [, from = '', to = ''] = match
  if (!from && !to) return null
  if (!from) {
    const suffix = Number(to)
    if (suffix === 0 || size === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(from)
  if (start >= size) return 'unsatisfiable'
  const end = to ? Math.min(Number(to), size - 1) : size - 1
  if (end < start) return null
  return { start, end }
}
