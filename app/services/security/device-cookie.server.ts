import crypto from 'node:crypto'
import { createCookie } from '@remix-run/node'
import { getSessionSecret, secureCookiesEnabled } from '~/utils/secrets.server'

const TWO_YEARS_S = 2 * 365 * 24 * 3600

let deviceCookie: ReturnType<typeof createCookie> | undefined
function getDeviceCookie() {
  deviceCookie ??= createCookie('__device', {
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookiesEnabled(),
    path: '/',
    maxAge: TWO_YEARS_S,
    secrets: [getSessionSecret()],
  })
  return deviceCookie
}

/**
 * The browser's long-lived device id (signed, so it cannot be forged), creating one when missing.
 * `setCookie` is the header to send when it is new.
 */
export async function readOrCreateDeviceId(request: Request): Promise<{ deviceId: string; setCookie: string | null }> {
  const value: unknown = await getDeviceCookie().parse(request.headers.get('cookie'))
  if (typeof value === 'string' && /^[A-Za-z0-9_-]{22}$/.test(value)) return { deviceId: value, setCookie: null }
  const deviceId = crypto.randomBytes(16).toString('base64url')
  return { deviceId, setCookie: await getDeviceCookie().serialize(deviceId) }
}
