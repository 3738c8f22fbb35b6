import { createCookie, type Cookie } from '@remix-run/node'
import { secureCookiesEnabled } from '~/utils/secrets.server'

const THEMES = ['light', 'dark', 'system'] as const
export type Theme = (typeof THEMES)[number]

const cookies = new Map<boolean, Cookie>()

/** Secure where the session cookie is (production over HTTPS), read when first needed. */
function themeCookie(): Cookie {
  const secure = secureCookiesEnabled()
  let cookie = cookies.get(secure)
  if (!cookie) {
    cookie = createCookie('ml_theme', {
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      secure,
      maxAge: 60 * 60 * 24 * 365,
    })
    cookies.set(secure, cookie)
  }
  return cookie
}

/** "system" means: follow the operating system's preference (a CSS media query). */
export async function readTheme(request: Request): Promise<Theme> {
  const value: unknown = await themeCookie().parse(request.headers.get('cookie'))
  return THEMES.find((theme) => theme === value) ?? 'system'
}

export async function themeSetCookie(theme: Theme): Promise<string> {
  return themeCookie().serialize(theme)
}
