import { createCookie, type Cookie } from '@remix-run/node'
import { getSessionSecret, secureCookiesEnabled } from './secrets.server'

/**
 * One of our signed, HttpOnly, SameSite=Lax cookies, made on first use (the secret may be read
 * from disk). Services read and serialize them and hand routes the Set-Cookie header values.
 */
export function signedCookie(name: string, maxAgeSeconds: number): () => Cookie {
  let cookie: Cookie | undefined
  return () =>
    (cookie ??= createCookie(name, {
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookiesEnabled(),
      path: '/',
      maxAge: maxAgeSeconds,
      secrets: [getSessionSecret()],
    }))
}
