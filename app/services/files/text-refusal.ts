import { isNamedAs } from './file-names'

const SAVE_AS_UTF8 = 'Save it as UTF-8 (in most editors: Save as, then Encoding: UTF-8) and choose it again.'

function startsWithUtf16Mark(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
}

/**
 * Why a file named as text ("notes.txt") was not taken as text, when its bytes are not UTF-8: most
 * often it is text all the same, saved by an older editor in another encoding, and "not an accepted
 * kind of file" would send its owner looking for a different format. Null for other names, and for
 * bytes that are not text at all (the general refusal says what is accepted).
 */
export function textFileRefusal(name: string, bytes: Uint8Array): string | null {
  if (!isNamedAs(name, 'text/plain')) return null
  if (startsWithUtf16Mark(bytes)) return `"${name}" is text saved as UTF-16 ("Unicode"). ${SAVE_AS_UTF8}`
  if (bytes.includes(0)) return null
  return `"${name}" is text in an older encoding, not UTF-8. ${SAVE_AS_UTF8}`
}
