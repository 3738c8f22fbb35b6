import { createCookieSessionStorage, redirect } from '@remix-run/node'
import * as z from 'zod'
import { getSessionSecret, secureCookiesEnabled } from '../utils/secrets.server'

const ToastSchema = z.object({
  id: z.string(),
  kind: z.enum(['success', 'error', 'info']).default('success'),
  message: z.string(),
})
export type Toast = z.infer<typeof ToastSchema>

const TOAST_KEY = 'toast' as const

type ToastStorage = ReturnType<typeof createCookieSessionStorage<Record<string, never>, { [TOAST_KEY]: Toast }>>
let storage: ToastStorage | undefined
function getStorage() {
  storage ??= createCookieSessionStorage<Record<string, never>, { [TOAST_KEY]: Toast }>({
    cookie: {
      name: 'ml_toast',
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: secureCookiesEnabled(),
      secrets: [getSessionSecret()],
    },
  })
  return storage
}

async function toastCookie(toast: Omit<Toast, 'id'>): Promise<string> {
  const session = await getStorage().getSession()
  session.flash(TOAST_KEY, { id: crypto.randomUUID(), ...toast })
  return getStorage().commitSession(session)
}

/** Redirect after a successful form post, with a one-time message for the next page. */
export async function redirectWithToast(url: string, toast: Omit<Toast, 'id'>, init: { headers?: HeadersInit } = {}) {
  const headers = new Headers(init.headers)
  headers.append('Set-Cookie', await toastCookie(toast))
  return redirect(url, { headers })
}

/** Reads and clears the pending toast. */
export async function popToast(request: Request): Promise<{ toast: Toast | null; setCookie: string | null }> {
  const session = await getStorage().getSession(request.headers.get('cookie'))
  const parsed = ToastSchema.safeParse(session.get(TOAST_KEY))
  if (!parsed.success) return { toast: null, setCookie: null }
  return { toast: parsed.data, setCookie: await getStorage().destroySession(session) }
}
