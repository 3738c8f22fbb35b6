/**
 * The server's kept formatted texts (installed into utils/format.ts by entry.server): each day and
 * amount a page shows is formatted with Intl once, then read back. Exact, because a kind (locale and
 * currency, or locale for days) and a value (whole minor units, or a UTC day's number) always give
 * the same text. Bounded: past MAX_TEXTS, everything kept is dropped and kept again as used.
 */
const MAX_TEXTS = 5000

let kept = new Map<string, Map<number, string>>()
let count = 0

export function keptText(kind: string, value: number, make: () => string): string {
  let byValue = kept.get(kind)
  const known = byValue?.get(value)
  if (known !== undefined) return known
  const text = make()
  if (++count > MAX_TEXTS) {
    kept = new Map()
    count = 1
    byValue = undefined
  }
  if (!byValue) kept.set(kind, (byValue = new Map()))
  byValue.set(value, text)
  return text
}
