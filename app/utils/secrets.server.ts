import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { getEnv } from './env.server'

let cached: string | undefined

/**
 * SESSION_SECRET when set; otherwise a random secret created once and kept beside the database,
 * so a fresh install is secure without configuration and sessions survive restarts.
 */
export function getSessionSecret(): string {
  if (cached) return cached
  const env = getEnv()
  if (env.SESSION_SECRET) return (cached = env.SESSION_SECRET)
  const file = path.join(path.dirname(path.resolve(env.DATABASE_PATH)), 'session-secret')
  try {
    cached = fs.readFileSync(file, 'utf8').trim()
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    cached = crypto.randomBytes(32).toString('base64url')
    fs.writeFileSync(file, cached, { mode: 0o600 })
  }
  return cached
}

export function secureCookiesEnabled(): boolean {
  const env = getEnv()
  return env.COOKIE_SECURE ?? env.NODE_ENV === 'production'
}
