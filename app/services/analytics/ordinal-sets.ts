/**
 * Sets of people and money per person, stored per day as compact blobs keyed by each user's
 * analytics ordinal, and combined over a range: a year is 365 small blobs instead of every row
 * behind them. People not given an ordinal yet (seen only today, counted live) are kept by id.
 */

/** A person: their ordinal, or their id while they have none. */
export type PersonKey = { ordinal: number | null; userId: string }

export function encodeOrdinals(ordinals: readonly number[]): Buffer {
  const array = Int32Array.from(ordinals)
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength)
}

function decodeOrdinals(blob: Uint8Array): Int32Array {
  // A typed array needs an aligned offset; a blob's may not be, and is then copied.
  return blob.byteOffset % 4 === 0
    ? new Int32Array(blob.buffer, blob.byteOffset, blob.byteLength / 4)
    : new Int32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength))
}

/** (ordinal, amount) pairs; Float64 holds any sum of minor units exactly up to 2^53. */
export function encodeAmounts(amounts: ReadonlyMap<number, number>): Buffer {
  const array = new Float64Array(amounts.size * 2)
  let i = 0
  for (const [ordinal, amount] of amounts) {
    array[i++] = ordinal
    array[i++] = amount
  }
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength)
}

function decodeAmounts(blob: Uint8Array): Float64Array {
  return blob.byteOffset % 8 === 0
    ? new Float64Array(blob.buffer, blob.byteOffset, blob.byteLength / 8)
    : new Float64Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength))
}

/** How many distinct people are in the stored days' sets and the live rows together. */
export function countDistinctPeople(blobs: readonly Uint8Array[], live: readonly PersonKey[], maxOrdinal: number) {
  const seen = new Uint8Array(maxOrdinal + 1)
  let count = 0
  const mark = (ordinal: number) => {
    if (!seen[ordinal]) {
      seen[ordinal] = 1
      count++
    }
  }
  for (const blob of blobs) for (const ordinal of decodeOrdinals(blob)) mark(ordinal)
  const unnumbered = new Set<string>()
  for (const person of live) {
    if (person.ordinal !== null) mark(person.ordinal)
    else unnumbered.add(person.userId)
  }
  return count + unnumbered.size
}

export type PersonTotal = PersonKey & { amountMinor: number }

/**
 * Each person's total over the stored days and the live rows; only those that can still be in the
 * top `limit` once ties are broken by name (every total at least the limit-th largest).
 */
export function topTotals(
  blobs: readonly Uint8Array[],
  live: readonly PersonTotal[],
  maxOrdinal: number,
  limit: number,
): PersonTotal[] {
  const sums = new Float64Array(maxOrdinal + 1)
  for (const blob of blobs) {
    const pairs = decodeAmounts(blob)
    for (let i = 0; i < pairs.length; i += 2) sums[pairs[i]!]! += pairs[i + 1]!
  }
  const unnumbered = new Map<string, number>()
  for (const row of live) {
    if (row.ordinal !== null) sums[row.ordinal]! += row.amountMinor
    else unnumbered.set(row.userId, (unnumbered.get(row.userId) ?? 0) + row.amountMinor)
  }
  // The limit-th largest total, without sorting everyone.
  const best: number[] = []
  const consider = (amount: number) => {
    if (best.length === limit && amount <= best[limit - 1]!) return
    const place = best.findIndex((b) => amount > b)
    best.splice(place === -1 ? best.length : place, 0, amount)
    if (best.length > limit) best.pop()
  }
  for (let ordinal = 1; ordinal < sums.length; ordinal++) if (sums[ordinal]! > 0) consider(sums[ordinal]!)
  for (const amount of unnumbered.values()) consider(amount)
  const threshold = best.length < limit ? 0 : best[limit - 1]!
  const totals: PersonTotal[] = []
  for (let ordinal = 1; ordinal < sums.length; ordinal++) {
    if (sums[ordinal]! > 0 && sums[ordinal]! >= threshold)
      totals.push({ ordinal, userId: '', amountMinor: sums[ordinal]! })
  }
  for (const [userId, amountMinor] of unnumbered) {
    if (amountMinor >= threshold) totals.push({ ordinal: null, userId, amountMinor })
  }
  return totals.sort((a, b) => b.amountMinor - a.amountMinor)
}
