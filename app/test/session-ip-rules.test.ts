import { describe, expect, it } from 'vitest'
import { listBlocklist } from '~/models/ip-lists.server'
import { loader as rootLoader } from '~/root'
import { loader as clientDashboardLoader } from '~/routes/_portal.client._index'
import { readSession } from '~/services/accounts/sessions.server'
import { addToAllowlist, addToBlocklist, removeFromBlocklist } from '~/services/security/ip-lists.server'
import { runWithRequestId } from '~/utils/request-context.server'
import { getRequest, run } from './requests'
import { securityEventKindsOf } from './security-events'
import { createTestUser, signedInCookie } from './users'

/**
 * The IP allowlist and the admin blocklist hold for every request a signed-in browser makes, not
 * only at sign-in. The server hands each request's address to the session lookup (runWithRequestId).
 */
const from = (ip: string, handler: () => Promise<Response>) => runWithRequestId('test', handler, true, ip)
const origin = (ip: string) => ({ ip, userAgent: null, deviceId: null })

describe('a session used from an address outside its account’s allowlist', () => {
  it('is signed out, sent to sign in saying why, and logged; inside the list it carries on', async () => {
    const client = await createTestUser('client')
    const added = await addToAllowlist({ userId: client.id, cidr: '203.0.113.0/24', origin: origin('203.0.113.7') })
    expect(added.ok).toBe(true)
    const cookie = await signedInCookie(client.id)

    const inside = await from('203.0.113.50', () => run(clientDashboardLoader, getRequest('/client', cookie)))
    expect(inside.status).toBe(200)

    const outside = await from('198.51.100.9', () => run(rootLoader, getRequest('/client', cookie)))
    expect(outside.status).toBe(302)
    expect(outside.headers.get('location')).toBe('/sign-in')
    expect(outside.headers.getSetCookie().some((c) => /^__session=;.*Max-Age=0/.test(c))).toBe(true)
    expect(outside.headers.getSetCookie().some((c) => c.startsWith('ml_toast='))).toBe(true)
    expect(securityEventKindsOf(client.id)).toContain('session_outside_allowlist')
    // Signed out for good: back inside the list, the old cookie no longer signs anyone in.
    const again = await from('203.0.113.50', () => run(clientDashboardLoader, getRequest('/client', cookie)))
    expect(again.headers.get('location')).toBe('/sign-in?redirectTo=%2Fclient')
    expect(await readSession(getRequest('/client', cookie))).toBeNull()
  })
})

describe('a session used from a range on the admin blocklist', () => {
  it('is refused with a 403 saying why, logged once, and works again elsewhere or once the range is removed', async () => {
    const [client, admin] = [await createTestUser('client'), await createTestUser('admin')]
    const cookie = await signedInCookie(client.id)
    // Read once before the range is added: the cached blocklist must follow the change.
    expect((await from('192.0.2.44', () => run(clientDashboardLoader, getRequest('/client', cookie)))).status).toBe(200)
    const added = await addToBlocklist({
      cidr: '192.0.2.0/24',
      reason: 'Card testing',
      adminId: admin.id,
      adminIp: null,
    })
    expect(added.ok).toBe(true)

    for (const attempt of [1, 2]) {
      const refused = await from('192.0.2.44', () => run(clientDashboardLoader, getRequest('/client', cookie)))
      expect(refused.status, `attempt ${attempt}`).toBe(403)
      expect(await refused.text()).toMatch(/^Requests from your address \(192\.0\.2\.44\) are blocked/)
    }
    expect(securityEventKindsOf(client.id).filter((kind) => kind === 'session_blocklisted')).toHaveLength(1)

    expect((await from('203.0.113.8', () => run(clientDashboardLoader, getRequest('/client', cookie)))).status).toBe(
      200,
    )
    const entry = (await listBlocklist()).find((row) => row.cidr === '192.0.2.0/24')!
    expect(await removeFromBlocklist(entry.id, admin, origin('203.0.113.8'))).toBe(true)
    expect((await from('192.0.2.44', () => run(clientDashboardLoader, getRequest('/client', cookie)))).status).toBe(200)
  })
})
