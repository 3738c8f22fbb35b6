/**
 * Near-duplicate text: word 3-gram shingles, a 64-value MinHash signature per text, and
 * locality-sensitive hashing (16 bands of 4) to find candidate pairs without comparing every pair.
 * Two texts' signatures agree on about the share of shingles they have in common (Jaccard).
 */
const HASHES = 64
const BANDS = 16
const ROWS = HASHES / BANDS

export function shinglesOf(text: string, size = 3): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
  const shingles = new Set<string>()
  if (words.length < size) {
    if (words.length) shingles.add(words.join(' '))
    return shingles
  }
  for (let i = 0; i + size <= words.length; i++) shingles.add(words.slice(i, i + size).join(' '))
  return shingles
}

/** FNV-1a, 32 bits: fast and good enough to spread shingles. */
function hash32(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

// Fixed odd multipliers and offsets make the 64 hash functions (a·x + b, mod 2^32) of the signature.
const SEEDS = Array.from({ length: HASHES }, (_, i) => ({
  a: (Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0,
  b: Math.imul(i + 7, 0x85ebca6b) >>> 0,
}))

export function minHashOf(shingles: Set<string>): Uint32Array {
  const signature = new Uint32Array(HASHES).fill(0xffffffff)
  for (const shingle of shingles) {
    const x = hash32(shingle)
    for (let i = 0; i < HASHES; i++) {
      const value = (Math.imul(SEEDS[i]!.a, x) + SEEDS[i]!.b) >>> 0
      if (value < signature[i]!) signature[i] = value
    }
  }
  return signature
}

/** The estimated Jaccard similarity: the share of positions where the signatures agree. */
export function similarityOf(a: Uint32Array, b: Uint32Array): number {
  let same = 0
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++
  return same / HASHES
}

/**
 * Groups of texts (by id) whose estimated similarity reaches `threshold`, joined transitively.
 * Empty texts are left out: an empty profile is not a copy of another.
 */
export function nearDuplicateGroups(texts: { id: string; text: string }[], threshold: number): string[][] {
  const signed = texts
    .map(({ id, text }) => ({ id, shingles: shinglesOf(text) }))
    .filter((entry) => entry.shingles.size > 0)
    .map(({ id, shingles }) => ({ id, signature: minHashOf(shingles) }))
  const parent = new Map(signed.map(({ id }) => [id, id]))
  const find = (id: string): string => {
    let root = id
    while (parent.get(root) !== root) root = parent.get(root)!
    parent.set(id, root)
    return root
  }
  const buckets = new Map<string, number[]>()
  signed.forEach(({ signature }, index) => {
    for (let band = 0; band < BANDS; band++) {
      const key = `${band}:${Array.from(signature.subarray(band * ROWS, band * ROWS + ROWS)).join(',')}`
      const bucket = buckets.get(key)
      if (bucket) bucket.push(index)
      else buckets.set(key, [index])
    }
  })
  const compared = new Set<string>()
  for (const bucket of buckets.values()) {
    for (let i = 0; i < bucket.length; i++) {
      for (let j = i + 1; j < bucket.length; j++) {
        const pair = `${bucket[i]}:${bucket[j]}`
        if (compared.has(pair)) continue
        compared.add(pair)
        const a = signed[bucket[i]!]!
        const b = signed[bucket[j]!]!
        if (similarityOf(a.signature, b.signature) >= threshold) parent.set(find(a.id), find(b.id))
      }
    }
  }
  const groups = groupIds(
    signed.map(({ id }) => id),
    find,
  )
  return groups.filter((group) => group.length > 1)
}

function groupIds(ids: string[], rootOf: (id: string) => string): string[][] {
  const groups = new Map<string, string[]>()
  for (const id of ids) {
    const root = rootOf(id)
    const list = groups.get(root)
    if (list) list.push(id)
    else groups.set(root, [id])
  }
  return [...groups.values()]
}
