import type { RequestHandler } from 'express'
import helmet from 'helmet'
import type { Env } from '../app/utils/env.server'

type Locals = { cspNonce: string }

/**
 * Where forms may lead. With Stripe configured, funding a milestone by card posts to our page and
 * is redirected to Stripe Checkout; browsers apply form-action to that redirect too.
 */
export function formActionSources(env: Pick<Env, 'STRIPE_SECRET_KEY'>): string[] {
  return env.STRIPE_SECRET_KEY ? ["'self'", 'https://checkout.stripe.com'] : ["'self'"]
}

/**
 * Powerful browser features: calls use the camera, microphone and screen sharing on our own pages;
 * nothing here asks for location, payment handlers, USB or sensors, so no page (and no frame) may.
 */
const PERMISSIONS_POLICY = [
  'camera=(self)',
  'microphone=(self)',
  'display-capture=(self)',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'hid=()',
  'bluetooth=()',
  'accelerometer=()',
  'gyroscope=()',
  'magnetometer=()',
].join(', ')

/**
 * The headers every answer carries: a CSP whose scripts need this request's nonce (set in
 * res.locals.cspNonce before), no framing by any site, no MIME sniffing, the referrer policy
 * same-site form posts need, HSTS wherever cookies are Secure (production, or COOKIE_SECURE=true), and the Permissions-Policy above.
 */
export function securityHeaders(env: Pick<Env, 'NODE_ENV' | 'COOKIE_SECURE' | 'STRIPE_SECRET_KEY'>): RequestHandler[] {
  return [
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as unknown as { locals: Locals }).locals.cspNonce}'`],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          formAction: formActionSources(env),
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          objectSrc: ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
      // With no-referrer, Chromium sends `Origin: null` on same-site form posts, which the
      // CSRF checks must refuse; this policy keeps the real origin on same-site requests.
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      // Wherever cookies are marked Secure (secureCookiesEnabled's rule) the site is on HTTPS: say so for good.
      strictTransportSecurity: env.COOKIE_SECURE ?? env.NODE_ENV === 'production',
      // The CSP's frame-ancestors 'none', for browsers that read only this header.
      xFrameOptions: { action: 'deny' },
    }),
    (_req, res, next) => {
      res.setHeader('Permissions-Policy', PERMISSIONS_POLICY)
      next()
    },
  ]
}
