// eslint-disable-next-line no-restricted-imports -- compared with Remix's own json()
import { json as remixJson } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { json } from './json.server'

const DATA = { name: 'Zoë “Ω” 東京 😀', amounts: [1, 2.5], nested: { empty: null, flag: true }, when: new Date(0) }

describe('json()', () => {
  it('answers the bytes, status and headers Remix’s json() does', async () => {
    for (const init of [undefined, 201, { status: 422, headers: { 'Cache-Control': 'no-store' } }]) {
      const ours = json(DATA, init)
      const theirs = remixJson(DATA, init)
      expect(ours.status).toBe(theirs.status)
      expect([...ours.headers]).toEqual([...theirs.headers])
      expect(Buffer.from(await ours.arrayBuffer())).toEqual(Buffer.from(await theirs.arrayBuffer()))
    }
  })

  it('keeps a Content-Type it is given', () => {
    expect(json(1, { headers: { 'Content-Type': 'application/vnd.api+json' } }).headers.get('content-type')).toBe(
      'application/vnd.api+json',
    )
  })

  it('reads back as the JSON of its data, Dates as text (as a browser gets it)', async () => {
    expect(await json(DATA).json()).toEqual(JSON.parse(JSON.stringify(DATA)))
    expect(await json('text').json()).toBe('text')
  })

  it('with nothing to send, has no body, as Remix’s', async () => {
    const ours = json(undefined)
    expect(ours.body).toBeNull()
    expect(remixJson(undefined).body).toBeNull()
    expect(await ours.text()).toBe('')
  })
})
