import { createCookie, type Cookie } from '@remix-run/node'
import { LRUCache } from 'lru-cache'
import { getSessionSecret, secureCookiesEnabled } from './secrets.server'

/**
 * One of our signed, HttpOnly, SameSite=Lax cookies, made on first use (the secret may be read
 * from disk). Services read and serialize them and hand routes the Set-Cookie header values.
 */
export function signedCookie(name: string, maxAgeSeconds: number): () => Cookie {
  let cookie: Cookie | undefined
  return () =>
    (cookie ??= rememberParsedValues(
      createCookie(name, {
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookiesEnabled(),
        path: '/',
        maxAge: maxAgeSeconds,
        secrets: [getSessionSecret()],
      }),
    ))
}

/**
 * Reading a signed cookie checks its HMAC, on every request a signed-in browser makes. The answer
 * depends only on the Cookie header and the secret (fixed for the cookie's life), so the last
 * headers' answers are kept: an exact cache. Only strings and other plain values are kept, never an
 * object a caller could change.
 */
export function rememberParsedValues(cookie: Cookie, max = 500): Cookie {
  const parsed = new LRUCache<string, { value: string | number | boolean | null }>({ max })
  return {
    get name() {
      return cookie.name
    },
    get isSigned() {
      return cookie.isSigned
    },
    get expires() {
      return cookie.expires
    },
    serialize: (value, options) => cookie.serialize(value, options),
    async parse(header, options) {
      if (!header || options) return cookie.parse(header, options)
      const known = parsed.get(header)
      if (known) return known.value
      const value: unknown = await cookie.parse(header)
      if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
        parsed.set(header, { value: value as string | number | boolean | null })
      }
      return value
    },
  }
}
