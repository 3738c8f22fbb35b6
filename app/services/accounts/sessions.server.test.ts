import { describe, expect, it } from 'vitest'
import { securityEventsOfKind } from '~/test/security-events'
import type { RequestOrigin } from '~/services/security/context'
import { getRequest } from '~/test/requests'
import { createTestUser, twoTestUsers } from '~/test/users'
import { listDevicesOf, readSession, revokeOtherSessions, revokeSession, startSession } from './sessions.server'

const here: RequestOrigin = { ip: '81.2.69.142', userAgent: 'vitest', deviceId: null }
const FIREFOX_ON_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'

async function signInFrom(userId: string, ip: string, userAgent = FIREFOX_ON_LINUX) {
  const request = new Request('http://localhost/', { headers: { 'user-agent': userAgent } })
  const cookie = (await startSession(userId, request, ip)).split(';')[0] ?? ''
  const session = await readSession(getRequest('/', cookie))
  if (!session) throw new Error('no session')
  return session.sessionId
}

describe('sessions and devices', () => {
  it('shows the approximate place of each session, "Unknown" for private and loopback addresses', async () => {
    const user = await createTestUser('client')
    const current = await signInFrom(user.id, '81.2.69.142')
    await signInFrom(user.id, '192.168.1.20')
    await signInFrom(user.id, '::1')
    const devices = await listDevicesOf(user.id, current)
    expect(devices.find((device) => device.current)?.location).toMatch(/United Kingdom$/)
    expect(devices.filter((device) => !device.current).map((device) => device.location)).toEqual(['Unknown', 'Unknown'])
  })

  it('revoking one session or all others writes a "session signed out" event', async () => {
    const user = await createTestUser('freelancer')
    const current = await signInFrom(user.id, '81.2.69.142')
    const phone = await signInFrom(user.id, '216.160.83.56')
    await signInFrom(user.id, '216.160.83.56')
    await signInFrom(user.id, '216.160.83.56')

    expect(await revokeSession(user.id, phone, here)).toBe(true)
    expect(await revokeSession(user.id, phone, here)).toBe(false)
    expect(await revokeOtherSessions(user.id, current, here)).toBe(2)
    expect(await revokeOtherSessions(user.id, current, here)).toBe(0)
    expect((await listDevicesOf(user.id, current)).map((device) => device.id)).toEqual([current])

    const { events, sortedDetails } = await securityEventsOfKind(user.id, 'session_revoked')
    expect(sortedDetails).toEqual(['Signed out 2 other browsers', 'Signed out Firefox 133 on Linux (IP 216.160.83.56)'])
    expect(events[0]).toMatchObject({ severity: 'low', ip: '81.2.69.142' })
  })

  it('cannot revoke another account’s session', async () => {
    const [owner, stranger] = await twoTestUsers('client')
    const session = await signInFrom(owner.id, '81.2.69.142')
    expect(await revokeSession(stranger.id, session, here)).toBe(false)
    expect(await listDevicesOf(owner.id, session)).toHaveLength(1)
  })
})
