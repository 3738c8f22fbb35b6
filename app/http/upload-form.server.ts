import { unstable_parseMultipartFormData, type UploadHandler } from '@remix-run/node'
import {
  FORM_BODY_LIMIT,
  formTooLarge,
  limitStream,
  readFormData,
  refuseDeclaredLength,
  UPLOAD_BODY_LIMIT,
} from '~/utils/form-data.server'

const MAX_TEXT_FIELD_BYTES = 200_000
/** Fields and files in one upload form; ours have a dozen at most, so more is not a person typing. */
export const MAX_FORM_PARTS = 100

export type UploadForm = {
  formData: FormData
  /** Names of file fields whose file was larger than allowed (the file is dropped, the rest kept). */
  oversized: Set<string>
}

async function readPart(data: AsyncIterable<Uint8Array>, limit: number): Promise<Uint8Array[] | null> {
  const chunks: Uint8Array[] = []
  let size = 0
  let tooBig = false
  for await (const chunk of data) {
    size += chunk.byteLength
    // Keep reading to the end of the part so the parser can go on to the next field.
    if (size > limit) tooBig = true
    else chunks.push(chunk)
  }
  return tooBig ? null : chunks
}

function tooManyParts(): Response {
  return new Response(
    `The form sent more than ${MAX_FORM_PARTS} fields and files, far more than any form here has. Please go back and submit it again.`,
    { status: 413 },
  )
}

/**
 * Reads a form that may carry files, holding each file in memory up to `maxFileBytes`. A larger
 * file is dropped and its field reported in `oversized`, so the page can say so and keep what
 * else was typed. Empty file inputs (nothing chosen) are left out. Works for plain forms too.
 * The whole body may be `maxFiles` full-size files plus a plain form's worth of text, and at most
 * MAX_FORM_PARTS parts; past either the answer is a 413, decided as the body streams in.
 */
export async function readUploadForm(
  request: Request,
  { maxFileBytes, maxFiles = 1 }: { maxFileBytes: number; maxFiles?: number },
): Promise<UploadForm> {
  const oversized = new Set<string>()
  if (!request.headers.get('content-type')?.startsWith('multipart/form-data') || !request.body) {
    return { formData: await readFormData(request), oversized }
  }
  const limit = Math.min(UPLOAD_BODY_LIMIT, maxFiles * maxFileBytes + FORM_BODY_LIMIT)
  refuseDeclaredLength(request, limit, formTooLarge)
  let refusal: Response | null = null
  const body = limitStream(request.body, limit, () => (refusal = formTooLarge(limit)))
  let parts = 0
  const handler: UploadHandler = async ({ name, filename, contentType, data }) => {
    if (++parts > MAX_FORM_PARTS) {
      refusal = tooManyParts()
      throw refusal
    }
    if (filename === undefined) {
      const chunks = await readPart(data, MAX_TEXT_FIELD_BYTES)
      return chunks ? Buffer.concat(chunks).toString('utf8') : undefined
    }
    const chunks = await readPart(data, maxFileBytes)
    if (!chunks) {
      oversized.add(name)
      return undefined
    }
    if (!filename || chunks.length === 0) return undefined
    return new File([new Uint8Array(Buffer.concat(chunks))], filename, { type: contentType })
  }
  try {
    const counted = new Request(request.url, {
      method: request.method,
      headers: request.headers,
      body,
      duplex: 'half',
    } as RequestInit)
    return { formData: await unstable_parseMultipartFormData(counted, handler), oversized }
  } catch {
    throw refusal ?? new Response('The form could not be read. Please go back and submit it again.', { status: 400 })
  }
}
