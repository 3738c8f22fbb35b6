import { describe, expect, it, vi } from 'vitest'
import { useNonce } from '~/utils/nonce'
import { logger } from '~/utils/logger.server'
import handleRequest, { handleError } from './entry.server'

// The document's content stands in for Remix's: what matters here is how the entry answers with it.
vi.mock('@remix-run/react', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  RemixServer: ({ context }: { context: { items: string[] } }) => (
    <html lang="en">
      <body>
        <p>{useNonce()}</p>
        <ul>
          {context.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </body>
    </html>
  ),
}))

const items = Array.from({ length: 400 }, (_, i) => `“Milestone ${i}” is funded`)

describe('the document answer', () => {
  it('is the whole page with its doctype, status and headers, multi-byte text intact', async () => {
    const headers = new Headers({ 'Cache-Control': 'no-store' })
    const response = await handleRequest(
      new Request('http://localhost/x'),
      404,
      headers,
      { items } as never,
      {
        cspNonce: 'n0nce',
      } as never,
    )
    expect(response.status).toBe(404)
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    const html = await response.text()
    expect(html.startsWith('<!DOCTYPE html><html lang="en">')).toBe(true)
    expect(html).toContain('<p>n0nce</p>')
    // React 18's streaming renderer padded its 2 KB buffers with NUL bytes (facebook/react#24985).
    expect(html).not.toContain('\0')
    for (const item of items) expect(html).toContain(`<li>${item}</li>`)
    expect(html.endsWith('</ul></body></html>')).toBe(true)
  })

  it('sends a lone surrogate (broken text a member typed) as U+FFFD, as a string body would', async () => {
    const response = await handleRequest(
      new Request('http://localhost/x'),
      200,
      new Headers(),
      { items: ['half \uD83D of an emoji', 'whole 😀'] } as never,
      {} as never,
    )
    const html = await response.text()
    expect(html).toContain('<li>half \uFFFD of an emoji</li>')
    expect(html).toContain('<li>whole 😀</li>')
  })

  it('throws a render error, so that Remix renders the error boundary', () => {
    expect(() =>
      handleRequest(new Request('http://localhost/x'), 200, new Headers(), { items: null } as never, {} as never),
    ).toThrow()
  })
})

describe('errors logged', () => {
  it('logs the server’s errors, not Remix’s refusals of malformed requests', () => {
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined)
    const request = new Request('http://localhost/?_data=routes/_portal')
    // What Remix throws for `?_data=` naming a route the URL does not match.
    const refusal = { status: 403, statusText: 'Forbidden', internal: true, data: 'Route does not match URL' }
    handleError(refusal, { request })
    expect(logged).not.toHaveBeenCalled()
    handleError(new Error('a bug'), { request })
    expect(logged).toHaveBeenCalledTimes(1)
    logged.mockRestore()
  })
})
