import fs from 'node:fs'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { parseByteRange } from './byte-range.server'

/**
 * A response that serves a recording file with byte ranges, so a `<video>` can seek and read its
 * length without loading it all. `download` asks the browser to save it rather than play it.
 */
export function recordingResponse(
  request: Request,
  file: { path: string; size: number; contentType: string; fileName: string; download: boolean },
): Response {
  const headers = new Headers({
    'Content-Type': file.contentType,
    'Accept-Ranges': 'bytes',
    'Content-Disposition': `${file.download ? 'attachment' : 'inline'}; filename="${file.fileName}"`,
    'X-Content-Type-Options': 'nosniff',
    // A recording still being made grows, so a cached copy would end early; and a call is private,
    // so no copy should outlive the visit on a shared computer.
    'Cache-Control': 'private, no-store',
  })
  const range = parseByteRange(request.headers.get('range'), file.size)
  if (range === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${file.size}`)
    return new Response(null, { status: 416, headers })
  }
  const { start, end } = range ?? { start: 0, end: file.size - 1 }
  headers.set('Content-Length', String(Math.max(0, end - start + 1)))
  if (range) headers.set('Content-Range', `bytes ${start}-${end}/${file.size}`)
  const status = range ? 206 : 200
  if (request.method === 'HEAD' || file.size === 0) return new Response(null, { status, headers })
  const body = createReadableStreamFromReadable(fs.createReadStream(file.path, { start, end }))
  return new Response(body, { status, headers })
}
