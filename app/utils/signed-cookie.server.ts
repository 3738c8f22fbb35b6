import { createCookie, type Cookie } from '@remix-run/node'
import { LRUCache } from 'lru-cache'
import { getSessionSecret, secureCookiesEnabled } from './secrets.server'

/**
 * A cookie's name as served: over HTTPS (Secure cookies) with the `__Host-` prefix, which browsers
 * accept only from a secure page, with Path=/ and no Domain, so a sibling subdomain or a plain-http
 * page cannot set or overwrite it. `__session` becomes `__Host-session`. Over plain http (local
 * development) the name stays, since browsers refuse a `__Host-` cookie without Secure.
 */
export function servedCookieName(name: string, secure: boolean): string {
  return secure ? `__Host-${name.replace(/^_+/, '')}` : name
}

/**
 * A signed cookie that is still read under its name from before the `__Host-` prefix
 * (`legacyName`), so nobody is signed out by the deploy that added it.
 */
export type SignedCookie = Cookie & {
  /** The name it had before the prefix, or null when it has no other name (plain http). */
  legacyName: string | null
  /** Whether `header` carries the cookie under its old name only (then it is worth setting anew). */
  onlyUnderLegacyName(header: string | null): boolean
  /** The Set-Cookie header that removes the cookie under its old name (null when it has none). */
  clearLegacy(): Promise<string | null>
}

/**
 * One of our signed, HttpOnly, SameSite=Lax cookies, made on first use (the secret may be read
 * from disk). Services read and serialize them and hand routes the Set-Cookie header values.
 */
export function signedCookie(name: string, maxAgeSeconds: number): () => SignedCookie {
  let cookie: SignedCookie | undefined
  return () => (cookie ??= makeSignedCookie(name, maxAgeSeconds, secureCookiesEnabled()))
}

export function makeSignedCookie(name: string, maxAgeSeconds: number, secure: boolean): SignedCookie {
  const make = (cookieName: string) =>
    rememberParsedValues(
      createCookie(cookieName, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        maxAge: maxAgeSeconds,
        secrets: [getSessionSecret()],
      }),
    )
  const served = servedCookieName(name, secure)
  const current = make(served)
  const legacy = served === name ? null : make(name)
  const carries = (header: string | null, cookieName: string) =>
    Boolean(
      header &&
      header.split(/;\s*/).some((pair) => pair.startsWith(`${cookieName}=`) && pair.length > cookieName.length + 1),
    )
  const parse: Cookie['parse'] = async (header, options) => {
    const value: unknown = await current.parse(header, options)
    if (value !== null || !legacy || carries(header, served)) return value
    return legacy.parse(header, options)
  }
  // Object.assign copies only these plain fields, so the cookie's getters (expires is worked out when asked) stay getters.
  return Object.assign(parsingAs(current, parse), {
    legacyName: legacy ? name : null,
    onlyUnderLegacyName: (header: string | null) =>
      Boolean(legacy) && !carries(header, served) && carries(header, name),
    clearLegacy: async () => (legacy ? legacy.serialize('', { maxAge: 0 }) : null),
  })
}

/** `cookie` with another `parse`: name, signing, expiry (worked out when asked) and serializing stay its own. */
function parsingAs(cookie: Cookie, parse: Cookie['parse']): Cookie {
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
    parse,
  }
}

/**
 * Reading a signed cookie checks its HMAC, on every request a signed-in browser makes. The answer
 * depends only on the Cookie header and the secret (fixed for the cookie's life), so the last
 * headers' answers are kept: an exact cache. Only strings and other plain values are kept, never an
 * object a caller could change.
 */
export function rememberParsedValues(cookie: Cookie, max = 500): Cookie {
  const parsed = new LRUCache<string, { value: string | number | boolean | null }>({ max })
  return parsingAs(cookie, async (header, options) => {
    if (!header || options) return cookie.parse(header, options)
    const known = parsed.get(header)
    if (known) return known.value
    const value: unknown = await cookie.parse(header)
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
      parsed.set(header, { value: value as string | number | boolean | null })
    }
    return value
  })
}
