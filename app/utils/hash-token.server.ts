import crypto from 'node:crypto'

/**
 * SHA-256 of a long random token (session, pending sign-in or sign-up, reset code): the database
 * keeps only this, so a leaked database holds nothing usable. Short codes use keyedHash instead.
 */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex')
}
