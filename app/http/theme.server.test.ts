import { afterEach, describe, expect, it } from 'vitest'
import { resetEnvForTests } from '~/utils/env.server'
import { themeSetCookie } from './theme.server'

afterEach(() => {
  delete process.env.COOKIE_SECURE
  resetEnvForTests()
})

describe('the theme cookie', () => {
  it('is Secure where the session cookie is (production behind HTTPS), and never readable by scripts', async () => {
    process.env.COOKIE_SECURE = 'true'
    resetEnvForTests()
    const cookie = await themeSetCookie('dark')
    expect(cookie).toMatch(/^ml_theme=/)
    expect(cookie).toMatch(/; Secure/)
    expect(cookie).toMatch(/; HttpOnly/)
    expect(cookie).toMatch(/; SameSite=Lax/)
  })

  it('is not Secure over plain HTTP in development and tests', async () => {
    process.env.COOKIE_SECURE = 'false'
    resetEnvForTests()
    expect(await themeSetCookie('dark')).not.toMatch(/; Secure/)
  })
})
