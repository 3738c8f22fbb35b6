/** The most a form without files may send: far more than any page's fields need. */
export const FORM_BODY_LIMIT = 1_000_000
/** The most a webhook delivery may send; real Stripe and crypto events are a few kilobytes. */
export const WEBHOOK_BODY_LIMIT = 1_000_000
/** The most any upload form may send: five 10 MB message attachments and the text around them. */
export const UPLOAD_BODY_LIMIT = 51_000_000

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 100_000) / 10} MB`
}

/** The 413 a page shows when a form sends more than it accepts. */
export function formTooLarge(limit: number): Response {
  return new Response(
    `The form sent more than the ${megabytes(limit)} this page accepts. Please go back, send less (shorter text, or fewer or smaller files) and try again.`,
    { status: 413 },
  )
}

/** Refuses a body whose declared length is over the limit before a byte of it is read. */
export function refuseDeclaredLength(request: Request, limit: number, tooLarge: (limit: number) => Response): void {
  const declared = Number(request.headers.get('content-length'))
  if (declared > limit) throw tooLarge(limit)
}

/**
 * Passes the body on while it stays within `limit` bytes, counting as chunks arrive (a chunked body
 * declares no length). Past the limit the stream fails. The source is never cancelled: on Node that
 * would drop the connection before the 413 could be sent; the server closes it after the answer.
 */
export function limitStream(
  body: ReadableStream<Uint8Array>,
  limit: number,
  onExceeded: () => void,
): ReadableStream<Uint8Array> {
  const reader = body.getReader()
  let received = 0
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read()
      if (done) return controller.close()
      received += value.byteLength
      if (received <= limit) return controller.enqueue(value)
      onExceeded()
      reader.releaseLock()
      controller.error(new Error(`The body is over ${limit} bytes.`))
    },
    cancel() {
      reader.releaseLock()
    },
  })
}

/** The whole body, or the 413 from `tooLarge` as soon as it passes `limit` bytes. */
export async function readLimitedBody(
  request: Request,
  limit: number,
  tooLarge: (limit: number) => Response = formTooLarge,
): Promise<Uint8Array<ArrayBuffer>> {
  refuseDeclaredLength(request, limit, tooLarge)
  if (!request.body) return new Uint8Array(0)
  let exceeded = false
  const reader = limitStream(request.body, limit, () => (exceeded = true)).getReader()
  const chunks: Uint8Array[] = []
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value)
  } catch (error) {
    if (exceeded) throw tooLarge(limit)
    throw error
  }
  return Buffer.concat(chunks)
}

/**
 * The submitted form, or a 400 when the body is not a form (wrong content type, broken multipart),
 * or a 413 when it is larger than any form without files.
 */
export async function readFormData(request: Request): Promise<FormData> {
  const body = await readLimitedBody(request, FORM_BODY_LIMIT).catch((error: unknown) => {
    if (error instanceof Response) throw error
    throw unreadable()
  })
  try {
    return await new Response(body, {
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
    }).formData()
  } catch {
    throw unreadable()
  }
}

function unreadable(): Response {
  return new Response('The form could not be read. Please go back and submit it again.', { status: 400 })
}

/** A webhook's raw body as text (its signature covers these exact bytes), or a short 413. */
export async function readWebhookBody(request: Request): Promise<string> {
  const body = await readLimitedBody(request, WEBHOOK_BODY_LIMIT, webhookTooLarge)
  return new TextDecoder().decode(body)
}

export function webhookTooLargeText(limit: number): string {
  return `Payload too large: webhook bodies are limited to ${limit} bytes.`
}

function webhookTooLarge(limit: number): Response {
  return new Response(webhookTooLargeText(limit), { status: 413, headers: { 'Content-Type': 'text/plain' } })
}
