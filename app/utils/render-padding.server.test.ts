import { PassThrough, type Writable } from 'node:stream'
import { text } from 'node:stream/consumers'
import { createElement } from 'react'
import { renderToPipeableStream } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { renderBody } from './render-padding.server'

// Curly quotes (3 bytes in UTF-8) in many text nodes: some fall across React's 2 KB buffer edge.
const page = createElement(
  'ul',
  null,
  Array.from({ length: 400 }, (_, i) => createElement('li', { key: i }, `“Milestone ${i}” is funded`)),
)

function render(destination: Writable): Promise<string> {
  const output = text(destination as PassThrough)
  renderToPipeableStream(page).pipe(destination)
  return output
}

describe('renderBody', () => {
  it('removes the NUL padding React 18 leaves at buffer edges, and nothing else', async () => {
    const raw = await render(new PassThrough())
    expect(raw).toContain('\0')
    const html = await render(renderBody())
    expect(html).not.toContain('\0')
    expect(html).toBe(raw.replaceAll('\0', ''))
    expect(html).toContain('“Milestone 399” is funded')
  })
})

describe('renderBody chunks', () => {
  it('sends what is written in one turn as one chunk, and what comes later as it comes', async () => {
    const body = renderBody()
    const chunks: string[] = []
    body.on('data', (chunk: Buffer) => chunks.push(chunk.toString()))
    const ended = new Promise((resolve) => body.on('end', resolve))
    body.write('<html>')
    body.write('<body>')
    await new Promise((resolve) => setImmediate(resolve))
    body.write('<p>deferred</p>')
    body.end('</body></html>')
    await ended
    expect(chunks).toEqual(['<html><body>', '<p>deferred</p></body></html>'])
  })
})
