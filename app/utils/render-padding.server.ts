import { Transform } from 'node:stream'

/**
 * The stream a page's HTML goes out through. Two jobs:
 * - React 18's Node renderer sends its 2 KB buffer whole when a multi-byte character does not fit
 *   at its end, so up to three NUL bytes of padding reach the page (facebook/react#24985, fixed in
 *   React 19). HTML never holds a NUL, so each chunk loses its trailing ones.
 * - React writes the shell as many 2 KB chunks in one go, and each chunk cost a gzip call and a
 *   socket write (gzip was the largest cost of a dashboard request). Chunks written in the same
 *   turn of the event loop leave as one; later ones (deferred data) still stream as they come.
 */
export function renderBody(): Transform {
  let held: Buffer[] = []
  let scheduled = false
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      let end = chunk.length
      while (end > 0 && chunk[end - 1] === 0) end--
      if (end > 0) held.push(end === chunk.length ? chunk : chunk.subarray(0, end))
      if (!scheduled) {
        scheduled = true
        setImmediate(release)
      }
      callback()
    },
    flush(callback) {
      release()
      callback()
    },
  })
  function release() {
    scheduled = false
    if (!held.length) return
    const chunks = held
    held = []
    stream.push(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks))
  }
  return stream
}
