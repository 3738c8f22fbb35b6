import crypto from 'node:crypto'
import { signedCookie } from '~/utils/signed-cookie.server'

const TWO_YEARS_S = 2 * 365 * 24 * 3600

const getDeviceCookie = signedCookie('__device', TWO_YEARS_S)

/**
 * The browser's long-lived device id (signed, so it cannot be forged), creating one when missing.
 * `setCookie` is the header to send when it is new.
 */
export async function readOrCreateDeviceId(request: Request): Promise<{ deviceId: string; setCookie: string | null }> {
  const header = request.headers.get('cookie')
  const value: unknown = await getDeviceCookie().parse(header)
  if (typeof value === 'string' && /^[A-Za-z0-9_-]{22}$/.test(value)) {
    // Known under its name from before the __Host- prefix: the same id is set under the new name.
    const renew = getDeviceCookie().onlyUnderLegacyName(header)
    return { deviceId: value, setCookie: renew ? await getDeviceCookie().serialize(value) : null }
  }
  const deviceId = crypto.randomBytes(16).toString('base64url')
  return { deviceId, setCookie: await getDeviceCookie().serialize(deviceId) }
}
