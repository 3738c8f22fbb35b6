import { readLimitedBody } from './form-data.server'

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
  return readLimitedBody(request, RECORDING_CHUNK_LIMIT, chunkTooLarge).catch((error: unknown) => {
    if (error instanceof Response) throw error
    throw new Response('The chunk could not be read. Send it again.', { status: 400 })
  })
}
