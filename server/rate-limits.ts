import type { RequestHandler } from 'express'
import { rateLimit } from 'express-rate-limit'

/** Paths whose POSTs guess or create credentials: limited far more tightly than the rest. */
export const AUTH_PATHS = ['/sign-in', '/sign-in/verify', '/sign-up', '/sign-up/verify', '/forgot-password', '/reset-password']

export function createRateLimits(options: { perMinute: number; authPer15Minutes: number }): RequestHandler[] {
  const common = {
    standardHeaders: 'draft-8' as const,
    legacyHeaders: false,
    message: 'Too many requests. Please wait a moment and try again.',
  }
  const general = rateLimit({ ...common, windowMs: 60_000, limit: options.perMinute })
  const auth = rateLimit({
    ...common,
    windowMs: 15 * 60_000,
    limit: options.authPer15Minutes,
    message: 'Too many attempts from your network. Please wait a few minutes and try again.',
    skip: (req) => req.method !== 'POST' || !AUTH_PATHS.includes(req.path),
  })
  return [general, auth]
}
