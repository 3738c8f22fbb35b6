import { describe, expect, it } from 'vitest'
import { MAX_FORM_PARTS, readUploadForm } from './upload-form.server'

const BOUNDARY = 'test-boundary'

function part(name: string, value: string, filename?: string): string {
  const disposition = `form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}`
  return `--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${filename ? 'Content-Type: text/plain\r\n' : ''}\r\n${value}\r\n`
}

/** A multipart upload whose body streams in pieces, declaring no length, as a chunked request does. */
function uploadRequest(parts: string[], declareLength = false): Request {
  const body = new TextEncoder().encode(`${parts.join('')}--${BOUNDARY}--\r\n`)
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < body.length; at += 64_000) controller.enqueue(body.subarray(at, at + 64_000))
      controller.close()
    },
  })
  return new Request('http://localhost/upload', {
    method: 'POST',
    headers: {
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      ...(declareLength ? { 'content-length': String(body.length) } : {}),
    },
    body: stream,
    duplex: 'half',
  } as RequestInit)
}

async function refusal(promise: Promise<unknown>): Promise<{ status: number; text: string }> {
  const thrown = await promise.then(
    () => null,
    (error: unknown) => error,
  )
  if (!(thrown instanceof Response)) throw new Error(`expected a Response, got ${String(thrown)}`)
  return { status: thrown.status, text: await thrown.text() }
}

describe('readUploadForm', () => {
  it('reads fields and files within the limits', async () => {
    const { formData, oversized } = await readUploadForm(
      uploadRequest([part('title', 'Shop'), part('file', 'hello', 'a.txt')]),
      { maxFileBytes: 1000 },
    )
    expect(formData.get('title')).toBe('Shop')
    expect(await (formData.get('file') as File).text()).toBe('hello')
    expect(oversized.size).toBe(0)
  })

  it('refuses a form with more parts than any of ours, saying so', async () => {
    const parts = Array.from({ length: MAX_FORM_PARTS + 1 }, (_, index) => part(`field${index}`, 'x'))
    const answer = await refusal(readUploadForm(uploadRequest(parts), { maxFileBytes: 1000 }))
    expect(answer.status).toBe(413)
    expect(answer.text).toMatch(`more than ${MAX_FORM_PARTS} fields and files`)
    // One part fewer is still a form.
    const { formData } = await readUploadForm(uploadRequest(parts.slice(1)), { maxFileBytes: 1000 })
    expect(formData.get('field1')).toBe('x')
  })

  it('counts the body as it streams and refuses it past the files allowed plus 1 MB of fields', async () => {
    // Two 600 kB files where one file of 600 kB is allowed: 1.2 MB of files plus the fields passes 1.6 MB.
    const big = 'a'.repeat(600_000)
    const parts = [part('a', big, 'a.txt'), part('b', big, 'b.txt'), part('c', big, 'c.txt')]
    const answer = await refusal(readUploadForm(uploadRequest(parts), { maxFileBytes: 600_000 }))
    expect(answer.status).toBe(413)
    expect(answer.text).toMatch(/more than the 1.6 MB this page accepts/)
    // Allowing three such files, the same body is read.
    const { formData } = await readUploadForm(uploadRequest(parts), { maxFileBytes: 600_000, maxFiles: 3 })
    expect(formData.getAll('c')).toHaveLength(1)
  })

  it('refuses a declared length over the limit without reading the body', async () => {
    const request = uploadRequest([part('a', 'a'.repeat(2_000_000), 'a.txt')], true)
    const answer = await refusal(readUploadForm(request, { maxFileBytes: 500_000 }))
    expect(answer.status).toBe(413)
    expect(request.bodyUsed).toBe(false)
  })
})
