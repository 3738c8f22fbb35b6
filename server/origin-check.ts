import type { RequestHandler } from 'express'

/**
 * CSRF defence next to SameSite cookies: a state-changing request that names another origin
 * is refused, and so is the opaque origin `null` (sandboxed frames, privacy redirects).
 * Requests without Origin (old browsers, curl) fall back to SameSite=Lax.
 */
export function rejectCrossOriginWrites(): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next()
    const origin = req.get('origin')
    if (!origin) return next()
    const host =
      req.get('x-forwarded-host') && req.app.get('trust proxy') ? req.get('x-forwarded-host') : req.get('host')
    let originHost: string
    try {
      originHost = new URL(origin).host
    } catch {
      originHost = ''
    }
    if (originHost === host) return next()
    res.status(403).type('text/plain').send('Cross-site form submissions are not accepted.')
  }
}
