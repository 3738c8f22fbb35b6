import type { TypedResponse } from '@remix-run/node'

/**
 * A JSON answer whose own render reads it back cheaply: a document request reads each loader's answer
 * back with `json()`, which here parses the text kept instead of decoding the body's bytes again. The
 * body is the text itself, as Remix's `json()` gives it: a body made from a Buffer cost undici about three
 * times as much (75 against 26 µs per answer here), and a signed-in page makes three. Sent as a data
 * request's answer, its bytes are the same as with Remix's.
 */
class JsonResponse extends Response {
  readonly #text: string | undefined

  constructor(text: string | undefined, init: ResponseInit) {
    super(text ?? null, init)
    this.#text = text
  }

  override async json(): Promise<unknown> {
    if (this.#text === undefined) return super.json()
    const data: unknown = JSON.parse(this.#text)
    if (typeof data === 'object' && data !== null) answerTexts.set(data, this.#text)
    return data
  }
}

/** The text each answer read back with `json()` was parsed from (a page's render may key by it). */
const answerTexts = new WeakMap<object, string>()

/** The JSON text a loader's answer was read from on this server, if it was read with `json()` here. */
export function answerText(data: unknown): string | undefined {
  return typeof data === 'object' && data !== null ? answerTexts.get(data) : undefined
}

/** `json()` as `@remix-run/node` has it (same headers, status and types): every loader and action here uses this one. */
export function json<Data>(data: Data, init: number | ResponseInit = {}): TypedResponse<Data> {
  const responseInit = typeof init === 'number' ? { status: init } : init
  const headers = new Headers(responseInit.headers)
  if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json; charset=utf-8')
  return new JsonResponse(JSON.stringify(data), { ...responseInit, headers }) as TypedResponse<Data>
}
