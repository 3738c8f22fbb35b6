import { describe, expect, it } from 'vitest'
import { parseEnv } from './env.server'

describe('environment', () => {
  it('has working defaults for a fresh install', () => {
    const env = parseEnv({})
    expect(env.PORT).toBe(3000)
    expect(env.DATABASE_PATH).toBe('./data/megilance.db')
    expect(env.TRUST_PROXY).toBe(false)
  })

  it('names the variable that is wrong', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => parseEnv({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET: must be at least 32 characters/)
    expect(() => parseEnv({ SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL/)
    expect(() => parseEnv({ TRUST_PROXY: 'maybe' })).toThrow(/TRUST_PROXY/)
  })
})
