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

  it('binds WebAuthn to configured values, defaulting to localhost or APP_URL', () => {
    expect(parseEnv({ PORT: '3111' })).toMatchObject({
      WEBAUTHN_RP_ID: 'localhost',
      WEBAUTHN_ORIGIN: 'http://localhost:3111',
    })
    expect(parseEnv({ APP_URL: 'https://megilance.example/app' }).WEBAUTHN_ORIGIN).toBe('https://megilance.example')
    expect(parseEnv({ WEBAUTHN_ORIGIN: 'https://a.example', APP_URL: 'https://b.example' }).WEBAUTHN_ORIGIN).toBe(
      'https://a.example',
    )
    expect(parseEnv({}).WEBAUTHN_RP_NAME).toBe('MegiLance')
  })

  it('reads the ICE servers for calls as JSON, none by default, and names what is wrong', () => {
    expect(parseEnv({}).ICE_SERVERS).toEqual([])
    const turn = { urls: ['turn:turn.example.com:3478'], username: 'megilance', credential: 'secret' }
    expect(
      parseEnv({ ICE_SERVERS: JSON.stringify([{ urls: 'stun:turn.example.com:3478' }, turn]) }).ICE_SERVERS,
    ).toEqual([{ urls: 'stun:turn.example.com:3478' }, turn])
    expect(() => parseEnv({ ICE_SERVERS: '[{urls:' })).toThrow(/ICE_SERVERS: must be a JSON array of ICE servers/)
    expect(() => parseEnv({ ICE_SERVERS: '[{"urls":"http://x"}]' })).toThrow(/ICE_SERVERS/)
    expect(() => parseEnv({ ICE_SERVERS: '{"urls":"stun:x"}' })).toThrow(/ICE_SERVERS/)
  })
})
