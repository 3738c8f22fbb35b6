import type { LoaderFunctionArgs } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import type { MenuFrame } from '~/load-context'
import { loader as rootLoader } from '~/root'
import { notify } from '~/services/notifications/notify.server'
import { getRequest, run } from '~/test/requests'
import { createTestUser, signedInCookie } from '~/test/users'

/** The root loader as the server runs it for a page in `frame` (server/menu-frame.ts). */
function rootFor(path: string, frame: MenuFrame | null, cookie?: string) {
  return run(
    (args: LoaderFunctionArgs) => rootLoader({ ...args, context: { ...args.context, menuFrame: frame } }),
    getRequest(path, cookie),
  )
}

describe('the portal menu, answered by the root loader', () => {
  it('sends a visitor on a members page to sign in and back, as the portal layout did', async () => {
    const response = await rootFor('/settings/appearance?x=1', 'members')
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/sign-in?redirectTo=%2Fsettings%2Fappearance%3Fx%3D1')
  })

  it('shows a visitor pages anyone may read without a menu, and pages outside a frame without one', async () => {
    expect((await (await rootFor('/projects', 'everyone')).json()).menu).toBeNull()
    expect((await (await rootFor('/help/tax', null)).json()).menu).toBeNull()
  })

  it('gives a member the menu with its counts on both frames, and none outside them', async () => {
    const user = await createTestUser('freelancer')
    const cookie = await signedInCookie(user.id)
    await notify({ userId: user.id, kind: 'account', title: 'One', link: '/settings' })
    for (const frame of ['members', 'everyone'] as const) {
      const data = await (await rootFor('/projects', frame, cookie)).json()
      expect(data.menu).toEqual({ role: 'freelancer', badges: { '/notifications': 1 } })
      expect(data.user.id).toBe(user.id)
    }
    expect((await (await rootFor('/help/tax', null, cookie)).json()).menu).toBeNull()
    // Opening the page the notification is about reads it (only on a framed page).
    expect((await (await rootFor('/settings', 'members', cookie)).json()).menu.badges).toEqual({})
  })
})
