import { Transform } from 'node:stream'

/**
 * React 18's Node renderer sends its 2 KB buffer whole when a multi-byte character does not fit at
 * its end, so up to three NUL bytes of padding reach the page (facebook/react#24985, fixed in React
 * 19). HTML never holds a NUL, so each chunk loses its trailing ones on the way out.
 */
export function dropRenderPadding(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      let end = chunk.length
      while (end > 0 && chunk[end - 1] === 0) end--
      callback(null, end === chunk.length ? chunk : chunk.subarray(0, end))
    },
  })
}
