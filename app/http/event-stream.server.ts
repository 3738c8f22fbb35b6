/**
 * Answers with a server-sent-events stream. `Cache-Control: no-transform` makes the compression
 * middleware leave the stream unbuffered; `X-Accel-Buffering: no` asks the same of nginx.
 */
export function eventStreamResponse(stream: ReadableStream<Uint8Array>): Response {
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
    },
  })
}
