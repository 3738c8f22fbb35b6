import crypto from 'node:crypto'

/**
 * SHA-256 of a long random token (session, pending sign-in or sign-up, reset code): the database
 * keeps only this, so a leaked database holds nothing usable. Short codes use keyedHash instead.
 * `crypto.hash` is the one-shot form: every signed-in request hashes its session's token, and it costs
 * about a third of a Hash object's create, update and digest here.
 */
export function hashToken(token: string): string {
  return crypto.hash('sha256', token, 'hex')
}
