import { describe, expect, it } from 'vitest'
import { listAllowlistOf, listBlocklist } from '~/models/ip-lists.server'
import { listSecurityEvents } from '~/models/security-events.server'
import { action as blocklistAction, loader as blocklistLoader } from '~/routes/_portal.admin.ip-blocklist'
import { loader as eventsLoader } from '~/routes/_portal.admin.security-events'
import { action as allowlistAction } from '~/routes/_portal.settings.security.allowlist'
import { action as adminAllowlistAction } from '~/routes/_portal.admin.users.$userId_.allowlist'
import { addToAllowlist } from '~/services/security/ip-lists.server'
import { loader as logLoader } from '~/routes/_portal.settings.security.log'
import { recordSecurityEvent } from '~/services/security/events.server'
import { formRequest, getRequest, run } from './requests'
import { createTestUser, signedInCookie, steppedUpCookie, twoTestUsers } from './users'

// `run` gives every request the client IP 203.0.113.7.
describe('security pages', () => {
  it('keeps the admin pages for admins and each log for its owner', async () => {
    const [user, other] = await twoTestUsers('client')
    await recordSecurityEvent({ userId: other.id, kind: 'password_changed', origin: null })
    const cookie = await signedInCookie(user.id)
    expect((await run(eventsLoader, getRequest('/admin/security-events', cookie))).status).toBe(403)
    expect((await run(blocklistLoader, getRequest('/admin/ip-blocklist', cookie))).status).toBe(403)
    const blockAttempt = formRequest('/admin/ip-blocklist', { intent: 'add', cidr: '1.2.3.4', reason: 'x y z' }, cookie)
    expect((await run(blocklistAction, blockAttempt)).status).toBe(403)
    const log = await (await run(logLoader, getRequest('/settings/security/log', cookie))).json()
    expect(log).toMatchObject({ total: 0, entries: [] })
  })

  it('answers a bad blocklist range with 400 and the field error, and refuses the admin’s own address', async () => {
    const admin = await createTestUser('admin')
    const cookie = await signedInCookie(admin.id, { secondFactorAt: new Date() })
    const add = (cidr: string) =>
      run(blocklistAction, formRequest('/admin/ip-blocklist', { intent: 'add', cidr, reason: 'Spam' }, cookie))
    const bad = await add('not-an-ip')
    expect(bad.status).toBe(400)
    expect(JSON.stringify(await bad.json())).toContain('Enter an IP address such as 203.0.113.7')
    const self = await add('203.0.113.0/24')
    expect(self.status).toBe(400)
    expect(JSON.stringify(await self.json())).toContain('so you would block yourself')
    expect((await listBlocklist()).map((entry) => entry.cidr)).not.toContain('203.0.113.0/24')
  })

  it('an admin turns off a member’s allowlist only with a reason they will see, and after a recent second factor', async () => {
    const [member, admin] = [await createTestUser('client'), await createTestUser('admin')]
    const here = { ip: '203.0.113.7', userAgent: null, deviceId: null }
    await addToAllowlist({ userId: member.id, cidr: '203.0.113.0/24', origin: here })
    const path = `/admin/users/${member.id}/allowlist`
    const turnOff = (reason: string, cookie: string) =>
      run(adminAllowlistAction, formRequest(path, { reason }, cookie), { userId: member.id })
    const stale = await turnOff('They wrote from their own address.', await signedInCookie(admin.id))
    expect(stale.status).toBe(302)
    expect(stale.headers.get('location')).toMatch(/^\/settings\/security\/verify\?/)
    const cookie = await signedInCookie(admin.id, { secondFactorAt: new Date() })
    const empty = await turnOff('', cookie)
    expect(empty.status).toBe(400)
    expect(JSON.stringify(await empty.json())).toContain('Give the reason the member will see')
    expect(await listAllowlistOf(member.id)).toHaveLength(1)
    const done = await turnOff('They wrote from their own address.', cookie)
    expect(done.status).toBe(302)
    expect(done.headers.get('location')).toBe(`/admin/users/${member.id}`)
    expect(await listAllowlistOf(member.id)).toHaveLength(0)
  })

  it('asks for a recent second factor before changing the allowlist, then logs the change', async () => {
    const user = await createTestUser('freelancer')
    const stale = await signedInCookie(user.id)
    const addTo = (cidr: string, cookie: string, label = '') =>
      run(allowlistAction, formRequest('/settings/security/allowlist', { intent: 'add', cidr, label }, cookie))
    const refused = await addTo('203.0.113.0/24', stale)
    expect(refused.status).toBe(302)
    expect(refused.headers.get('location')).toBe(
      '/settings/security/verify?redirectTo=%2Fsettings%2Fsecurity%2Fallowlist',
    )
    expect(await listAllowlistOf(user.id)).toHaveLength(0)

    const cookie = await steppedUpCookie(user.id)
    const elsewhere = await addTo('198.51.100.0/24', cookie)
    expect(elsewhere.status).toBe(400)
    expect(JSON.stringify(await elsewhere.json())).toContain(
      'would not include the IP address you are using now (203.0.113.7)',
    )

    const added = await addTo('203.0.113.0/24', cookie, 'Office')
    expect(added.status).toBe(302)
    const { rows } = await listSecurityEvents({ userId: user.id, kind: 'allowlist_changed', page: 1, pageSize: 5 })
    expect(rows.map((row) => row.event.detail)).toEqual(['Added 203.0.113.0/24 (Office)'])
  })
})
