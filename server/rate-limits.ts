import type { RequestHandler } from 'express'
import { rateLimit } from 'express-rate-limit'
import { inCluster } from '../app/services/cluster/ipc.server'
import { PrimaryRateStore } from './cluster/rate-store'

/** Paths whose POSTs guess or create credentials: limited far more tightly than the rest. */
const AUTH_PATHS = ['/sign-in', '/sign-in/verify', '/sign-up', '/sign-up/verify', '/forgot-password', '/reset-password']

/**
 * The route a path reaches, whatever its spelling: Remix matches paths ignoring case, trailing
 * slashes and percent-encoding, and the URL parser resolves `.` and `..` (also as `%2e`), so all
 * of those are undone here; runs of slashes are collapsed too.
 */
export function routePath(url: string): string {
  let path: string
  try {
    // Built as @remix-run/express builds it: `//x` stays a path rather than naming a host.
    path = new URL(url.startsWith('/') ? `http://localhost${url}` : url).pathname
    path = decodeURIComponent(path)
  } catch {
    // Not a URL, or malformed escapes, which Remix does not decode either.
    path ??= url
  }
  return path
    .toLowerCase()
    .replace(/\/{2,}/g, '/')
    .replace(/(.)\/$/, '$1')
}

export function createRateLimits(options: { perMinute: number; authPer15Minutes: number }): RequestHandler[] {
  const common = {
    standardHeaders: 'draft-8' as const,
    legacyHeaders: false,
    message: 'Too many requests. Please wait a moment and try again.',
  }
  // With several web workers the counts live in the primary, so a limit holds over all of them.
  const store = (prefix: string) => (inCluster() ? { store: new PrimaryRateStore(prefix) } : {})
  const general = rateLimit({ ...common, ...store('general:'), windowMs: 60_000, limit: options.perMinute })
  const auth = rateLimit({
    ...common,
    ...store('auth:'),
    windowMs: 15 * 60_000,
    limit: options.authPer15Minutes,
    message: 'Too many attempts from your network. Please wait a few minutes and try again.',
    skip: (req) => req.method !== 'POST' || !AUTH_PATHS.includes(routePath(req.originalUrl)),
  })
  return [general, auth]
}
