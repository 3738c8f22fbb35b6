import { unstable_parseMultipartFormData, type UploadHandler } from '@remix-run/node'
import { readFormData } from '~/utils/form-data.server'

const MAX_TEXT_FIELD_BYTES = 200_000

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

/**
 * Reads a form that may carry files, holding each file in memory up to `maxFileBytes`. A larger
 * file is dropped and its field reported in `oversized`, so the page can say so and keep what
 * else was typed. Empty file inputs (nothing chosen) are left out. Works for plain forms too.
 */
export async function readUploadForm(request: Request, { maxFileBytes }: { maxFileBytes: number }): Promise<UploadForm> {
  const oversized = new Set<string>()
  if (!request.headers.get('content-type')?.startsWith('multipart/form-data')) {
    return { formData: await readFormData(request), oversized }
  }
  const handler: UploadHandler = async ({ name, filename, contentType, data }) => {
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
    return { formData: await unstable_parseMultipartFormData(request, handler), oversized }
  } catch {
    throw new Response('The form could not be read. Please go back and submit it again.', { status: 400 })
  }
}
