import { limitStream, refuseDeclaredLength } from './form-data.server'

/**
 * The most one recording chunk may send. The recorder cuts a chunk each second; a second of 1080p
 * video is well under a megabyte, so this only stops what is not a chunk. (The server's outer
 * limit in server/body-limits.ts is larger, so it needs no exception for this path.)
 */
const RECORDING_CHUNK_LIMIT = 16_000_000

function chunkTooLarge(limit: number): Response {
  return new Response(`A recording chunk may be at most ${limit / 1_000_000} MB.`, {
    status: 413,
    headers: { 'Content-Type': 'text/plain' },
  })
}

/** The raw bytes of a chunk upload (MediaRecorder output, sent as the request body), or a 413. */
export async function readRecordingChunk(request: Request): Promise<Uint8Array> {
  refuseDeclaredLength(request, RECORDING_CHUNK_LIMIT, chunkTooLarge)
  if (!request.body) return new Uint8Array(0)
  let exceeded = false
  const reader = limitStream(request.body, RECORDING_CHUNK_LIMIT, () => (exceeded = true)).getReader()
  const parts: Uint8Array[] = []
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) parts.push(next.value)
  } catch {
    if (exceeded) throw chunkTooLarge(RECORDING_CHUNK_LIMIT)
    throw new Response('The chunk could not be read. Send it again.', { status: 400 })
  }
  return Buffer.concat(parts)
}
