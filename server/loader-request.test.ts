import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { shareRequestWithLoaders } from './loader-request'

type Call = (options: {
  loadContext: unknown
  loader: (args: { request: Request; context: unknown; params: unknown }) => unknown
  params: unknown
  request: Request
  routeId: string
}) => Promise<unknown>

/** The runtime's data module, as Remix's routes.js reaches it. */
function runtimeData(): { callRouteLoader: Call } {
  const from = createRequire(import.meta.url).resolve('@remix-run/node')
  return createRequire(createRequire(from).resolve('@remix-run/server-runtime'))('./data.js') as {
    callRouteLoader: Call
  }
}

async function seenBy(url: string, init?: RequestInit) {
  const request = new Request(url, init)
  let seen: Request | undefined
  const answer = await runtimeData().callRouteLoader({
    loadContext: { nonce: 'n' },
    loader: ({ request: given }) => {
      seen = given
      return { ok: true }
    },
    params: { id: '1' },
    request,
    routeId: 'routes/test',
  })
  return { request, seen: seen!, answer: answer as Response }
}

describe('loaders share the request when nothing would be stripped', () => {
  shareRequestWithLoaders()
  shareRequestWithLoaders() // twice is the same as once

  it('hands a GET with no query string the original request', async () => {
    const { request, seen, answer } = await seenBy('http://localhost/freelancer', { headers: { cookie: 'a=b' } })
    expect(seen).toBe(request)
    // A plain object still becomes Remix's JSON answer.
    expect(answer.headers.get('content-type')).toMatch(/application\/json/)
    expect(await answer.json()).toEqual({ ok: true })
  })

  it('hands over a query already written as URLSearchParams writes it', async () => {
    const { request, seen } = await seenBy('http://localhost/projects?q=react+dashboard&skill=C%2B%2B&page=2')
    expect(seen).toBe(request)
  })

  it('leaves Remix to strip ?index and ?_data, and to re-encode any other query', async () => {
    for (const [url, expected] of [
      ['http://localhost/projects?index&q=a%20b', 'http://localhost/projects?q=a+b'],
      ['http://localhost/projects?index=&q=a', 'http://localhost/projects?q=a'],
      ['http://localhost/projects?_data=routes%2Fprojects', 'http://localhost/projects'],
      ['http://localhost/projects?q=a%20b', 'http://localhost/projects?q=a+b'],
      ['http://localhost/projects?', 'http://localhost/projects'],
    ] as const) {
      const { request, seen } = await seenBy(url)
      expect(seen).not.toBe(request)
      expect(seen.url).toBe(expected)
    }
  })

  it('copies a request with a body (an action’s reload after a POST)', async () => {
    const { request, seen } = await seenBy('http://localhost/x', { method: 'POST', body: 'a=1' })
    expect(seen).not.toBe(request)
    expect(await seen.text()).toBe('a=1')
  })

  it('keeps Remix’s answer to a loader that answers nothing', async () => {
    await expect(
      runtimeData().callRouteLoader({
        loadContext: {},
        loader: () => undefined,
        params: {},
        request: new Request('http://localhost/x'),
        routeId: 'routes/x',
      }),
    ).rejects.toThrow(/You defined a loader for route "routes\/x" but didn't return anything/)
  })
})
