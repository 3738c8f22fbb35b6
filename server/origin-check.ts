import type { RequestHandler } from 'express'

/** Sec-Fetch-Site values of a request that did not come from another site. */
const OWN_SITE = new Set(['same-origin', 'none'])

/**
 * CSRF defence next to SameSite cookies: a state-changing request that names another origin
 * is refused, and so is the opaque origin `null` (sandboxed frames, privacy redirects). When the
 * Origin header is missing (stripped by an extension or proxy), a browser's Sec-Fetch-Site still
 * says where the request came from: another site, or a sibling subdomain, is refused too.
 * Requests with neither header (old browsers, curl) fall back to SameSite=Lax.
 */
export function rejectCrossOriginWrites(): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next()
    const origin = req.get('origin')
    if (!origin) {
      const site = req.get('sec-fetch-site')
      if (site === undefined || OWN_SITE.has(site)) return next()
      return refuse(res)
    }
    const host =
      req.get('x-forwarded-host') && req.app.get('trust proxy') ? req.get('x-forwarded-host') : req.get('host')
    let originHost: string
    try {
      originHost = new URL(origin).host
    } catch {
      originHost = ''
    }
    if (originHost === host) return next()
    refuse(res)
  }
}

function refuse(res: Parameters<RequestHandler>[1]): void {
  res.status(403).type('text/plain').send('Cross-site form submissions are not accepted.')
}
