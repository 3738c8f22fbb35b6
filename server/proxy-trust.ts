import type express from 'express'

/**
 * Behind a reverse proxy the client's address is in X-Forwarded-For; without one, that header is
 * whatever the client typed, so it is believed only when TRUST_PROXY says a proxy sets it.
 */
export function applyProxyTrust(app: express.Express, trusted: boolean): void {
  // One hop: the address our own proxy appended, not anything the client put before it.
  app.set('trust proxy', trusted ? 1 : false)
}
