import { getDb } from '~/models/db.server'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { countUnreadNotifications, listNotifications } from '~/models/notifications.server'
import { listOutbox } from '~/models/outbox.server'
import { saveAvailability } from '~/models/availability.server'
import { loader as openLoader } from '~/routes/_portal.notifications.$notificationId.open'
import { action as centreAction, loader as centreLoader } from '~/routes/_portal.notifications._index'
import { action as preferencesAction, loader as preferencesLoader } from '~/routes/_portal.settings.notifications'
import { loader as rootLoader } from '~/root'
import { formRequest, getRequest, run } from '~/test/requests'
import { createTestUser, signedInCookie, twoTestUsers } from '~/test/users'
import { notify } from './notify.server'

/** The menu of a portal page view (root loader, as the server runs it for a page in the members' frame). */
async function portalMenu(path: string, cookie: string) {
  const response = await run(
    (args: LoaderFunctionArgs) => rootLoader({ ...args, context: { ...args.context, menuFrame: 'members' } }),
    getRequest(path, cookie),
  )
  return (await response.json()).menu
}

async function outboxFor(email: string) {
  return (await listOutbox({ to: email, page: 1, pageSize: 50 })).rows
}

describe('notification times', () => {
  it('shows when each notification came on the reader’s own clock, naming the zone (UTC until one is chosen)', async () => {
    const [kolkata, utc] = await twoTestUsers('client')
    await saveAvailability({ userId: kolkata.id, timeZone: 'Asia/Kolkata', windows: [], now: new Date() })
    for (const user of [kolkata, utc]) await notify({ userId: user.id, kind: 'account', title: 'Something happened' })
    const at = new Date((await listNotifications(kolkata.id, { limit: 1, offset: 0 }))[0]!.createdAt)
    const shown = async (id: string) =>
      (await (await run(centreLoader, getRequest('/notifications', await signedInCookie(id)))).json()).notifications[0]
        .createdAtText
    const clock = (zone: string) =>
      new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(at)
    expect(await shown(kolkata.id)).toContain(`${clock('Asia/Kolkata')} (Asia/Kolkata)`)
    expect(await shown(utc.id)).toContain(`${clock('UTC')} UTC`)
  })
})

describe('notify and email preferences', () => {
  it('emails by default, stops for a kind switched off in settings, and always notifies in-app', async () => {
    const user = await createTestUser('freelancer')
    const cookie = await signedInCookie(user.id)
    await notify({ userId: user.id, kind: 'review_received', title: 'First review', link: '/notifications' })
    expect((await outboxFor(user.email)).map((m) => m.subject)).toContain('First review')

    // Everything ticked except reviews.
    const body = new URLSearchParams()
    for (const kind of ['message_received', 'account', 'contract_update']) body.append('email', kind)
    const saved = await run(
      preferencesAction,
      new Request('http://localhost/settings/notifications', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body,
      }),
    )
    expect(saved.status).toBe(302)
    const prefs = (await (await run(preferencesLoader, getRequest('/settings/notifications', cookie))).json()) as {
      preferences: { kind: string; email: boolean }[]
    }
    expect(
      prefs.preferences
        .filter((row) => row.email)
        .map((row) => row.kind)
        .sort(),
    ).toEqual(['account', 'contract_update', 'message_received'])

    await notify({ userId: user.id, kind: 'review_received', title: 'Second review' })
    await notify({ userId: user.id, kind: 'message_received', title: 'A message' })
    const subjects = (await outboxFor(user.email)).map((m) => m.subject)
    expect(subjects).not.toContain('Second review')
    expect(subjects).toContain('A message')
    expect((await listNotifications(user.id, { limit: 10, offset: 0 })).map((n) => n.title)).toEqual([
      'A message',
      'Second review',
      'First review',
    ])
  })
})

describe('notification centre', () => {
  it('counts unread in the portal badge, opens a link marking it read, and marks all read', async () => {
    const [user, other] = await twoTestUsers('client')
    const cookie = await signedInCookie(user.id)
    await notify({ userId: user.id, kind: 'account', title: 'One', link: '/settings' })
    await notify({ userId: user.id, kind: 'account', title: 'Two', link: 'https://evil.example/' })
    await notify({ userId: user.id, kind: 'account', title: 'Three' })
    const portal = await portalMenu('/notifications', cookie)
    expect(portal.badges).toEqual({ '/notifications': 3 })

    const [three, two, one] = await listNotifications(user.id, { limit: 10, offset: 0 })
    const opened = await run(openLoader, getRequest(`/notifications/${one!.id}/open`, cookie), {
      notificationId: one!.id,
    })
    expect(opened.headers.get('location')).toBe('/settings')
    // A link that is not a path inside the app leads back to the centre.
    const offsite = await run(openLoader, getRequest(`/notifications/${two!.id}/open`, cookie), {
      notificationId: two!.id,
    })
    expect(offsite.headers.get('location')).toBe('/notifications')
    expect(await countUnreadNotifications(user.id)).toBe(1)
    // Someone else's notification does not exist for this user.
    const otherCookie = await signedInCookie(other.id)
    expect(
      (
        await run(openLoader, getRequest(`/notifications/${three!.id}/open`, otherCookie), {
          notificationId: three!.id,
        })
      ).status,
    ).toBe(404)
    expect(
      (
        await run(
          centreAction,
          formRequest('/notifications', { intent: 'mark-read', notificationId: three!.id }, otherCookie),
        )
      ).status,
    ).toBe(404)

    const page = await (await run(centreLoader, getRequest('/notifications', cookie))).json()
    expect(page.notifications.map((n: { title: string; read: boolean }) => [n.title, n.read])).toEqual([
      ['Three', false],
      ['Two', true],
      ['One', true],
    ])
    expect((await run(centreAction, formRequest('/notifications', { intent: 'mark-all-read' }, cookie))).status).toBe(
      302,
    )
    expect(await countUnreadNotifications(user.id)).toBe(0)
    expect((await portalMenu('/notifications', cookie)).badges).toEqual({})
  })

  it('opening the page a notification is about marks it read, however the page was reached', async () => {
    const [user, other] = await twoTestUsers('client')
    const cookie = await signedInCookie(user.id)
    await notify({ userId: user.id, kind: 'contract_update', title: 'On the contract', link: '/contracts/abc' })
    await notify({ userId: user.id, kind: 'contract_update', title: 'With a query', link: '/contracts/abc?tab=x' })
    await notify({ userId: user.id, kind: 'contract_update', title: 'Another contract', link: '/contracts/abcd' })
    await notify({ userId: other.id, kind: 'contract_update', title: 'Not theirs', link: '/contracts/abc' })

    // Any portal page view (here straight to the contract, as from an email link) runs the layout loader.
    const portal = await portalMenu('/contracts/abc', cookie)
    expect(portal.badges).toEqual({ '/notifications': 1 })
    const unread = (await listNotifications(user.id, { limit: 10, offset: 0 }))
      .filter((n) => !n.readAt)
      .map((n) => n.title)
    expect(unread).toEqual(['Another contract'])
    expect(await countUnreadNotifications(other.id)).toBe(1)
    // Seen again, with nothing unread about it left: the page view writes nothing.
    const changes = () => getDb().$client.prepare<[], { n: number }>('select total_changes() as n').get()!.n
    const before = changes()
    expect((await portalMenu('/contracts/abc?tab=x', cookie)).badges).toEqual({ '/notifications': 1 })
    expect(changes()).toBe(before)
  })

  it('pages 20 at a time, newest first', async () => {
    const user = await createTestUser('freelancer')
    const cookie = await signedInCookie(user.id)
    for (let i = 1; i <= 23; i++) await notify({ userId: user.id, kind: 'account', title: `Note ${i}` })
    const first = await (await run(centreLoader, getRequest('/notifications', cookie))).json()
    expect(first).toMatchObject({ page: 1, total: 23, unread: 23 })
    expect(first.notifications).toHaveLength(20)
    const second = await (await run(centreLoader, getRequest('/notifications?page=2', cookie))).json()
    expect(second.notifications.map((n: { title: string }) => n.title)).toEqual(['Note 3', 'Note 2', 'Note 1'])
  })
})
