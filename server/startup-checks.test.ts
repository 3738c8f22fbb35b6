import { describe, expect, it } from 'vitest'
import { parseEnv } from '../app/utils/env.server'
import { demoDataProblem, startupWarnings } from './startup-checks'

describe('start-up checks', () => {
  it('refuses a production start on a database with demo accounts unless DEMO is set', () => {
    const production = parseEnv({ NODE_ENV: 'production', DATABASE_PATH: '/data/megilance.db' })
    expect(demoDataProblem(production, 251)).toMatch(
      /^Refusing to start: the database \/data\/megilance\.db holds 251 demo accounts/,
    )
    expect(demoDataProblem(production, 251)).toMatch(/DEMO=true.*npm run create-admin/)
    expect(demoDataProblem(production, 0)).toBeNull()
    expect(demoDataProblem(parseEnv({ NODE_ENV: 'production', DEMO: 'true' }), 251)).toBeNull()
    expect(demoDataProblem(parseEnv({ NODE_ENV: 'development' }), 251)).toBeNull()
  })

  it('warns a production operator that without SMTP the outbox holds readable codes', () => {
    const [smtp, appUrl, twilio] = startupWarnings(parseEnv({ NODE_ENV: 'production' }))
    expect(smtp).toMatch(/SMTP_URL is not set.*codes.*take over that account/)
    expect(appUrl).toMatch(
      /^APP_URL is not set: links .* point at http:\/\/localhost:3000 \(a request's Host header is never used/,
    )
    expect(twilio).toMatch(/Twilio is not configured/)
    const configured = {
      NODE_ENV: 'production',
      SMTP_URL: 'smtp://mail.example.com',
      APP_URL: 'https://megilance.example',
    }
    expect(startupWarnings(parseEnv(configured))).toHaveLength(1)
    expect(startupWarnings(parseEnv({ NODE_ENV: 'production', DEMO: 'true' }))).toEqual([])
    expect(startupWarnings(parseEnv({ NODE_ENV: 'development' }))).toEqual([])
  })
})
