import { createCookie } from '@remix-run/node'

const THEMES = ['light', 'dark', 'system'] as const
export type Theme = (typeof THEMES)[number]

const themeCookie = createCookie('ml_theme', { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 })

/** "system" means: follow the operating system's preference (a CSS media query). */
export async function readTheme(request: Request): Promise<Theme> {
  const value: unknown = await themeCookie.parse(request.headers.get('cookie'))
  return THEMES.find((theme) => theme === value) ?? 'system'
}

export async function themeSetCookie(theme: Theme): Promise<string> {
  return themeCookie.serialize(theme)
}
