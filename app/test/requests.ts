import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'

const BASE = 'http://localhost'
const context = { cspNonce: '', clientIp: '203.0.113.7' }

/** A POST like a browser form submission (urlencoded). */
export function formRequest(path: string, fields: Record<string, string>, cookie?: string): Request {
  return new Request(`${BASE}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(fields),
  })
}

export function getRequest(path: string, cookie?: string): Request {
  return new Request(`${BASE}${path}`, { headers: cookie ? { cookie } : {} })
}

type Handler<A> = (args: A) => Promise<unknown>

/** Runs a loader or action; a thrown Response is returned so tests can inspect it. */
export async function run<A extends LoaderFunctionArgs | ActionFunctionArgs>(
  handler: Handler<A>,
  request: Request,
  params: Record<string, string> = {},
): Promise<Response> {
  try {
    const result = await handler({ request, params, context } as A)
    if (result instanceof Response) return result
    return Response.json(result)
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

/** The `name=value` pairs a browser would send back, from a response's Set-Cookie headers. */
export function cookiesFrom(response: Response, previous = ''): string {
  const jar = new Map(
    previous
      .split('; ')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair] as const),
  )
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(';')[0] ?? ''
    const name = pair.slice(0, pair.indexOf('='))
    if (/max-age=0|expires=thu, 01 jan 1970/i.test(header) || pair.endsWith('=')) jar.delete(name)
    else jar.set(name, pair)
  }
  return [...jar.values()].join('; ')
}

export function sessionCookieOnly(cookies: string): string {
  return cookies
    .split('; ')
    .filter((pair) => pair.startsWith('__session='))
    .join('; ')
}
