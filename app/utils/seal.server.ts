import crypto from 'node:crypto'
import { getSessionSecret } from './secrets.server'

// A key of its own, derived from the app secret: a leaked sealed value says nothing about the cookie key.
const INFO = 'megilance:seal:v1'
let cachedKey: { secret: string; key: Buffer } | undefined

function sealKey(): Buffer {
  const secret = getSessionSecret()
  if (cachedKey?.secret !== secret) {
    const key = Buffer.from(crypto.hkdfSync('sha256', secret, Buffer.alloc(0), INFO, 32))
    cachedKey = { secret, key }
  }
  return cachedKey.key
}

/** Encrypts a small secret for storage (AES-256-GCM): `iv.tag.ciphertext`, each base64url. */
export function seal(plaintext: string): string {
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv('aes-256-gcm', sealKey(), iv)
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url')).join('.')
}

/** The plaintext, or null when the value was altered or sealed with another key. */
export function unseal(sealed: string): string | null {
  const [iv, tag, ciphertext] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'))
  if (!iv || !tag || !ciphertext || iv.length !== 12 || tag.length !== 16) return null
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', sealKey(), iv)
    decipher.setAuthTag(tag)
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8')
  } catch {
    return null
  }
}
