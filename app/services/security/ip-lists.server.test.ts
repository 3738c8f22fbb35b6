import { describe, expect, it } from 'vitest'
import { findLatestOutboxMessageTo } from '~/models/outbox.server'
import { securityEventsOfKind } from '~/test/security-events'
import { createTestUser, twoTestUsers } from '~/test/users'
import type { RequestOrigin } from './context'
import {
  addToAllowlist,
  addToBlocklist,
  allowlistOf,
  blocklist,
  clearAllowlistByAdmin,
  removeFromAllowlist,
  removeFromBlocklist,
} from './ip-lists.server'
import { blocklistEntryFor, isOutsideAllowlist } from './ip-rules.server'

const from = (ip: string | null): RequestOrigin => ({ ip, userAgent: 'vitest', deviceId: null })

describe('admin IP blocklist', () => {
  it('stores a single address as /32 and a range on its network boundary, with who added it', async () => {
    const admin = await createTestUser('admin', { name: 'Blocky Admin' })
    expect(
      await addToBlocklist({ cidr: ' 198.51.100.7 ', reason: 'Card testing', adminId: admin.id, adminIp: '127.0.0.1' }),
    ).toEqual({
      ok: true,
      cidr: '198.51.100.7/32',
    })
    expect(
      await addToBlocklist({ cidr: '192.0.2.99/24', reason: 'Botnet', adminId: admin.id, adminIp: '127.0.0.1' }),
    ).toEqual({
      ok: true,
      cidr: '192.0.2.0/24',
    })
    const entries = await blocklist()
    const range = entries.find((entry) => entry.cidr === '192.0.2.0/24')
    expect(range).toMatchObject({ reason: 'Botnet', addedBy: { name: 'Blocky Admin' } })
    expect((await blocklistEntryFor('192.0.2.200'))?.cidr).toBe('192.0.2.0/24')
  })

  it('refuses nonsense, duplicates (named) and a range covering the admin’s own address', async () => {
    const admin = await createTestUser('admin')
    const add = (cidr: string, adminIp: string | null = '127.0.0.1') =>
      addToBlocklist({ cidr, reason: 'Spam', adminId: admin.id, adminIp })
    expect(await add('10.0.0')).toMatchObject({
      ok: false,
      field: 'cidr',
      message: expect.stringContaining('203.0.113.0/24'),
    })
    expect(await add('300.1.1.1/24')).toMatchObject({ ok: false, field: 'cidr' })
    expect(await add('203.0.113.0/33')).toMatchObject({ ok: false, field: 'cidr' })
    expect(await add('203.0.113.0/25')).toEqual({ ok: true, cidr: '203.0.113.0/25' })
    expect(await add('203.0.113.5/25')).toEqual({
      ok: false,
      field: 'cidr',
      message: '203.0.113.0/25 is already on the blocklist.',
    })
    const self = await add('81.2.69.0/24', '81.2.69.142')
    expect(self).toMatchObject({
      ok: false,
      field: 'cidr',
      message: expect.stringContaining('you would block yourself'),
    })
  })

  it('removes a range, after which its addresses are no longer refused', async () => {
    const admin = await createTestUser('admin')
    await addToBlocklist({ cidr: '100.64.0.0/10', reason: 'Test', adminId: admin.id, adminIp: null })
    const entry = (await blocklist()).find((row) => row.cidr === '100.64.0.0/10')
    expect(await blocklistEntryFor('100.64.1.1')).toBeDefined()
    expect(await removeFromBlocklist(entry!.id, admin, from('127.0.0.1'))).toBe(true)
    expect(await removeFromBlocklist(entry!.id, admin, from('127.0.0.1'))).toBe(false)
    expect(await blocklistEntryFor('100.64.1.1')).toBeUndefined()
  })
})

describe('per-account IP allowlist', () => {
  it('refuses a list that leaves out the current address, accepts one that covers it, and logs each change', async () => {
    const user = await createTestUser('client')
    const here = from('81.2.69.142')
    const outside = await addToAllowlist({ userId: user.id, cidr: '216.160.83.0/24', origin: here })
    expect(outside).toMatchObject({ ok: false, field: 'cidr', message: expect.stringContaining('81.2.69.142') })
    expect(await allowlistOf(user.id)).toHaveLength(0)

    expect(await addToAllowlist({ userId: user.id, cidr: '81.2.69.0/24', label: 'Office', origin: here })).toEqual({
      ok: true,
      cidr: '81.2.69.0/24',
    })
    // Once the current address is covered, other ranges can join.
    expect(await addToAllowlist({ userId: user.id, cidr: '216.160.83.56', origin: here })).toEqual({
      ok: true,
      cidr: '216.160.83.56/32',
    })
    expect(await addToAllowlist({ userId: user.id, cidr: '81.2.69.9/24', origin: here })).toMatchObject({
      ok: false,
      message: '81.2.69.0/24 is already on your allowlist.',
    })
    expect(await isOutsideAllowlist(user.id, '81.2.69.200')).toBe(false)
    expect(await isOutsideAllowlist(user.id, '8.8.8.8')).toBe(true)

    const { events, sortedDetails } = await securityEventsOfKind(user.id, 'allowlist_changed')
    expect(sortedDetails).toEqual(['Added 216.160.83.56/32', 'Added 81.2.69.0/24 (Office)'])
    expect(events[0]).toMatchObject({ severity: 'medium', ip: '81.2.69.142' })
  })

  it('refuses removing the range the current address needs, but removing the last one turns the list off', async () => {
    const user = await createTestUser('freelancer')
    const here = from('81.2.69.142')
    await addToAllowlist({ userId: user.id, cidr: '81.2.69.0/24', origin: here })
    await addToAllowlist({ userId: user.id, cidr: '216.160.83.0/24', origin: here })
    const [office, other] = await allowlistOf(user.id).then((rows) => [
      rows.find((row) => row.cidr === '81.2.69.0/24')!,
      rows.find((row) => row.cidr === '216.160.83.0/24')!,
    ])
    expect(await removeFromAllowlist({ userId: user.id, entryId: office!.id, origin: here })).toMatchObject({
      ok: false,
      field: 'form',
      message: expect.stringContaining('could not sign in again'),
    })
    expect(await removeFromAllowlist({ userId: user.id, entryId: other!.id, origin: here })).toEqual({
      ok: true,
      cidr: '216.160.83.0/24',
    })
    expect(await removeFromAllowlist({ userId: user.id, entryId: office!.id, origin: here })).toEqual({
      ok: true,
      cidr: '81.2.69.0/24',
    })
    expect(await isOutsideAllowlist(user.id, '8.8.8.8')).toBe(false)
    const { sortedDetails } = await securityEventsOfKind(user.id, 'allowlist_changed')
    expect(sortedDetails).toContain('Removed 81.2.69.0/24; the allowlist is now off')
  })

  it('an admin turns off a list that shuts its owner out: both logs say so and the owner is emailed', async () => {
    const [user, admin] = await twoTestUsers('client')
    await addToAllowlist({ userId: user.id, cidr: '81.2.69.0/24', origin: from('81.2.69.142') })
    await addToAllowlist({ userId: user.id, cidr: '81.2.70.0/24', origin: from('81.2.69.142') })
    expect(await isOutsideAllowlist(user.id, '216.160.83.56')).toBe(true)

    const clear = () =>
      clearAllowlistByAdmin({
        userId: user.id,
        who: user.email,
        admin,
        reason: 'Your office moved; you wrote from your own address.',
        origin: from('10.0.0.1'),
      })
    expect(await clear()).toBe(2)
    expect(await allowlistOf(user.id)).toHaveLength(0)
    expect(await isOutsideAllowlist(user.id, '216.160.83.56')).toBe(false)
    const { events } = await securityEventsOfKind(user.id, 'allowlist_cleared')
    expect(events).toMatchObject([
      { severity: 'high', detail: '2 ranges removed: Your office moved; you wrote from your own address.' },
    ])
    expect((await securityEventsOfKind(admin.id, 'admin_action')).sortedDetails).toEqual([
      `Turned off the IP allowlist of ${user.email} (2 ranges): Your office moved; you wrote from your own address.`,
    ])
    expect((await findLatestOutboxMessageTo(user.email, ['security_alert'], new Date(0)))?.subject).toBe(
      'MegiLance security alert: IP allowlist turned off by an administrator',
    )
    // Nothing left to turn off: nothing logged again.
    expect(await clear()).toBe(0)
    expect((await securityEventsOfKind(user.id, 'allowlist_cleared')).events).toHaveLength(1)
  })

  it('cannot remove another account’s entry', async () => {
    const [owner, stranger] = await twoTestUsers('client')
    await addToAllowlist({ userId: owner.id, cidr: '81.2.69.142', origin: from('81.2.69.142') })
    const [entry] = await allowlistOf(owner.id)
    expect(
      await removeFromAllowlist({ userId: stranger.id, entryId: entry!.id, origin: from('81.2.69.142') }),
    ).toMatchObject({ ok: false })
    expect(await allowlistOf(owner.id)).toHaveLength(1)
  })
})
