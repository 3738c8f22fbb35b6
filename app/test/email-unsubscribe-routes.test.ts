import { describe, expect, it } from 'vitest'
import { listEmailOptOuts, listNotifications } from '~/models/notifications.server'
import { listOutbox } from '~/models/outbox.server'
import { action, loader } from '~/routes/_browse.email.unsubscribe'
import { notify } from '~/services/notifications/notify.server'
import { formRequest, getRequest, run } from './requests'
import { createTestUser } from './users'

async function newestEmail(to: string) {
  return (await listOutbox({ to, page: 1, pageSize: 1 })).rows[0]
}

/** The unsubscribe link at the foot of the newest notification email to `to`, as a path with its query. */
async function unsubscribePath(to: string): Promise<string> {
  const text = (await newestEmail(to))?.text ?? ''
  const url = /Stop them with one click: (\S+)/.exec(text)?.[1]
  if (!url) throw new Error(`no unsubscribe link in:\n${text}`)
  const parsed = new URL(url)
  return `${parsed.pathname}${parsed.search}`
}

describe('unsubscribing from a notification email', () => {
  it('says which kind the email is and links to a page that turns that kind off without signing in', async () => {
    const person = await createTestUser('freelancer')
    await notify({ userId: person.id, kind: 'message_received', title: 'New message from Lena', link: '/messages' })
    const email = await newestEmail(person.email)
    expect(email?.text).toContain('You get this email because “New messages” emails are on for your account.')
    expect(email?.text).toMatch(/Choose which notifications reach you by email: http\S+\/settings\/notifications/)
    const path = await unsubscribePath(person.email)
    expect(path).toMatch(/^\/email\/unsubscribe\?/)

    // Opening the link (a mail scanner may) changes nothing; it asks.
    const page = await run(loader, getRequest(path))
    expect(page.status).toBe(200)
    expect(await page.json()).toMatchObject({ label: 'New messages', on: true })
    expect((await listEmailOptOuts(person.id)).has('message_received')).toBe(false)

    const stopped = await run(action, formRequest(path, {}))
    expect(stopped.status).toBe(302)
    expect(stopped.headers.get('Location')).toBe(path)
    expect([...(await listEmailOptOuts(person.id))]).toEqual(['message_received'])
    expect(await (await run(loader, getRequest(path))).json()).toMatchObject({ on: false })

    // That kind now stays in the centre only; other kinds still come by email.
    const before = (await listOutbox({ to: person.email, page: 1, pageSize: 1 })).total
    await notify({ userId: person.id, kind: 'message_received', title: 'Another message', link: '/messages' })
    expect((await listOutbox({ to: person.email, page: 1, pageSize: 1 })).total).toBe(before)
    expect((await listNotifications(person.id, { limit: 1, offset: 0 }))[0]?.title).toBe('Another message')
    await notify({ userId: person.id, kind: 'meeting_update', title: 'Meeting moved', link: '/meetings' })
    expect((await newestEmail(person.email))?.subject).toBe('Meeting moved')

    // And it can be turned back on from the same page.
    const again = await run(action, formRequest(path, { intent: 'on' }))
    expect(again.status).toBe(302)
    expect((await listEmailOptOuts(person.id)).size).toBe(0)
  })

  it('accepts a mail app’s one-click POST (RFC 8058)', async () => {
    const person = await createTestUser('client')
    await notify({ userId: person.id, kind: 'proposal_received', title: 'New proposal', link: '/client' })
    const path = await unsubscribePath(person.email)
    const oneClick = new Request(`http://localhost${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect((await run(action, oneClick)).status).toBe(302)
    expect([...(await listEmailOptOuts(person.id))]).toEqual(['proposal_received'])
  })

  it('answers 404 to a link whose signature does not match its account and kind, and changes nothing', async () => {
    const person = await createTestUser('freelancer')
    const other = await createTestUser('freelancer')
    await notify({ userId: person.id, kind: 'message_received', title: 'New message', link: '/messages' })
    const path = await unsubscribePath(person.email)
    const forged = [
      path.replace('kind=message_received', 'kind=meeting_update'),
      path.replace(person.id, other.id),
      path.replace(/sig=[^&]+/, 'sig=' + 'A'.repeat(43)),
      '/email/unsubscribe',
      '/email/unsubscribe?user=x&kind=nonsense&sig=y',
    ]
    for (const bad of forged) {
      expect((await run(loader, getRequest(bad))).status, bad).toBe(404)
      expect((await run(action, formRequest(bad, {}))).status, bad).toBe(404)
    }
    expect((await listEmailOptOuts(person.id)).size).toBe(0)
    expect((await listEmailOptOuts(other.id)).size).toBe(0)
  })
})
