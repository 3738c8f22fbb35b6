import crypto from 'node:crypto'
import { getSessionSecret } from './secrets.server'

/**
 * HMAC with the app secret: short codes (6 digits) stored this way cannot be brute-forced from a
 * leaked database alone.
 */
export function keyedHash(value: string): string {
  return crypto.createHmac('sha256', getSessionSecret()).update(value).digest('hex')
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex')
  const right = Buffer.from(b, 'hex')
  return left.length === right.length && crypto.timingSafeEqual(left, right)
}
