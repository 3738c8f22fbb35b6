import type { RequestHandler, Response } from 'express'
import { SESSION_COOKIE } from '../app/services/accounts/session-policy'
import { servedCookieName } from '../app/utils/signed-cookie.server'

// Under its `__Host-` name over HTTPS, or its plain one (plain http, or a browser signed in before the prefix).
const carriesSession = new RegExp(`(?:^|;)\\s*(?:${servedCookieName(SESSION_COOKIE, true)}|${SESSION_COOKIE})=[^;\\s]`)

type HeaderArgs = Parameters<Response['writeHead']>

/** Whether the headers passed to writeHead itself (rather than set before) name a Cache-Control. */
function namesCacheControl(args: HeaderArgs): boolean {
  const headers = args.find((arg) => typeof arg === 'object' && arg !== null)
  if (!headers) return false
  if (Array.isArray(headers)) {
    return headers.some((entry, i) =>
      Array.isArray(entry)
        ? String(entry[0]).toLowerCase() === 'cache-control'
        : i % 2 === 0 && String(entry).toLowerCase() === 'cache-control',
    )
  }
  return Object.keys(headers).some((name) => name.toLowerCase() === 'cache-control')
}

/**
 * What a signed-in person is shown is theirs alone. An answer to a request that carries a session,
 * or one that sets a cookie, says `Cache-Control: private, no-store`: no shared cache keeps it, and
 * after signing out on a shared computer, Back shows no wallet or messages from the disk cache. A
 * route that chose its own Cache-Control (downloads, images, recordings) keeps its choice.
 */
export function keepSignedInAnswersPrivate(): RequestHandler {
  return (req, res, next) => {
    const signedIn = carriesSession.test(req.headers.cookie ?? '')
    const writeHead = res.writeHead
    res.writeHead = function (this: Response, ...args: HeaderArgs) {
      const private_ = signedIn || this.hasHeader('set-cookie')
      if (private_ && !this.hasHeader('cache-control') && !namesCacheControl(args)) {
        this.setHeader('Cache-Control', 'private, no-store')
      }
      return writeHead.apply(this, args)
    } as Response['writeHead']
    next()
  }
}
