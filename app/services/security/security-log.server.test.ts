import { describe, expect, it } from 'vitest'
import { findLatestOutboxMessageTo } from '~/models/outbox.server'
import { insertAssessment } from '~/models/sign-in-assessments.server'
import { createTestUser, twoTestUsers } from '~/test/users'
import type { RequestOrigin } from './context'
import { recordSecurityEvent } from './events.server'
import { filterFromSearch, searchSecurityLog, securityLogOf, SecurityEventSearchSchema } from './security-log.server'

const CHROME_ON_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
const from = (ip: string | null): RequestOrigin => ({ ip, userAgent: CHROME_ON_WINDOWS, deviceId: null })
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000)

type EventInput = Parameters<typeof recordSecurityEvent>[0]
/** Logs `kind` for the user as from `ip` (in Chrome on Windows), with `extra` (when, which assessment). */
const logEvent = (
  userId: string,
  kind: EventInput['kind'],
  ip: string | null,
  extra: Pick<EventInput, 'now' | 'assessmentId'> = {},
) => recordSecurityEvent({ userId, kind, origin: from(ip), ...extra })

async function assessment(userId: string) {
  const id = crypto.randomUUID()
  await insertAssessment({
    id,
    userId,
    ip: '216.160.83.56',
    country: 'US',
    city: 'Milton',
    latitude: 47.2,
    longitude: -122.3,
    deviceId: null,
    userAgent: CHROME_ON_WINDOWS,
    score: 55,
    level: 'medium',
    factors: [
      { name: 'new_device', points: 25, detail: 'First sign-in from this browser' },
      { name: 'new_country', points: 30, detail: 'United States; before: United Kingdom' },
    ],
    outcome: 'second_factor',
    completedAt: null,
    createdAt: new Date(),
  })
  return id
}

describe('the owner’s alert email', () => {
  it('names the device and the rough place, and links to the sessions', async () => {
    const user = await createTestUser('freelancer')
    const since = new Date(Date.now() - 1000)
    await logEvent(user.id, 'new_device', '216.160.83.56')
    const alert = await findLatestOutboxMessageTo(user.email, ['security_alert'], since)
    expect(alert?.subject).toBe('MegiLance security alert: Signed in from a new device')
    expect(alert?.text).toContain('Device: Chrome 131 on Windows 10 (desktop)')
    expect(alert?.text).toContain('IP address: 216.160.83.56 (near Poulsbo, United States, roughly)')
    expect(alert?.text).toMatch(/sign the other sessions out: http:\/\/localhost:\d+\/settings\/security/)
  })
})

describe('a user’s security log', () => {
  it('lists only their events, newest first, with label, severity, place, device and the sign-in’s risk factors', async () => {
    const [user, other] = await twoTestUsers('client')
    const assessmentId = await assessment(user.id)
    await logEvent(user.id, 'sign_in_succeeded', '81.2.69.142', { now: minutesAgo(30) })
    await logEvent(user.id, 'new_device', '216.160.83.56', { assessmentId, now: minutesAgo(5) })
    await logEvent(other.id, 'sign_in_succeeded', '81.2.69.142', { now: minutesAgo(1) })

    const { entries, total } = await securityLogOf(user.id, 1)
    expect(total).toBe(2)
    expect(entries.map((entry) => entry.label)).toEqual(['Signed in from a new device', 'Signed in'])
    const [newest, oldest] = entries
    expect(newest).toMatchObject({
      severity: 'medium',
      ip: '216.160.83.56',
      location: expect.stringContaining('United States'),
      device: 'Chrome 131 on Windows 10 (desktop)',
      risk: { score: 55, level: 'medium', outcome: 'second_factor' },
    })
    expect(newest?.risk?.factors.map((factor) => `${factor.name} ${factor.points}`)).toEqual([
      'new_device 25',
      'new_country 30',
    ])
    expect(oldest).toMatchObject({ severity: 'low', location: expect.stringContaining('United Kingdom'), risk: null })
  })

  it('never shows another account’s assessment, even when an event points at it', async () => {
    const [user, other] = await twoTestUsers('client')
    const othersAssessment = await assessment(other.id)
    await logEvent(user.id, 'sign_in_succeeded', null, { assessmentId: othersAssessment })
    const { entries } = await securityLogOf(user.id, 1)
    expect(entries[0]).toMatchObject({ risk: null, ip: null, location: null })
  })

  it('shows a sign-in from a new device once (it is logged twice, one risk check); admins see both', async () => {
    const user = await createTestUser('client')
    const assessmentId = await assessment(user.id)
    const earlier = await assessment(user.id)
    await logEvent(user.id, 'sign_in_succeeded', '81.2.69.142', { assessmentId: earlier, now: minutesAgo(30) })
    const now = minutesAgo(5)
    await logEvent(user.id, 'sign_in_succeeded', '216.160.83.56', { assessmentId, now })
    await logEvent(user.id, 'new_device', '216.160.83.56', { assessmentId, now })
    // A sign-up's sign-in has no risk check.
    const signUpAt = minutesAgo(60)
    await logEvent(user.id, 'sign_in_succeeded', '127.0.0.1', { now: signUpAt })
    await logEvent(user.id, 'new_device', '127.0.0.1', { now: signUpAt })

    const own = await securityLogOf(user.id, 1)
    expect(own.total).toBe(3)
    expect(own.entries.map((entry) => entry.label)).toEqual([
      'Signed in from a new device',
      'Signed in',
      'Signed in from a new device',
    ])
    const admins = await searchSecurityLog({ userId: user.id, page: 1, pageSize: 25 })
    expect(admins.total).toBe(5)
  })

  it('pages through the log', async () => {
    const user = await createTestUser('freelancer')
    for (let i = 0; i < 27; i++) {
      await logEvent(user.id, 'second_factor_passed', '127.0.0.1', { now: minutesAgo(100 - i) })
    }
    expect((await securityLogOf(user.id, 1)).entries).toHaveLength(25)
    const second = await securityLogOf(user.id, 2)
    expect(second).toMatchObject({ total: 27 })
    expect(second.entries).toHaveLength(2)
    expect(second.entries[0]?.location).toBeNull()
  })
})

describe('the admin search over everyone’s events', () => {
  const search = (params: Record<string, string>) =>
    searchSecurityLog(filterFromSearch(SecurityEventSearchSchema.parse(params)))

  it('filters by account email (exact or contains), severity, kind, IP and date range', async () => {
    const tag = crypto.randomUUID().slice(0, 8)
    const alice = await createTestUser('client', { email: `alice-${tag}@example.com` })
    const bob = await createTestUser('client', { email: `bob-${tag}@example.com` })
    const log = (userId: string, kind: 'sign_in_succeeded' | 'sign_in_failed', ip: string, at: string) =>
      logEvent(userId, kind, ip, { now: new Date(at) })
    await log(alice.id, 'sign_in_succeeded', '81.2.69.142', '2026-03-01T10:00:00Z')
    await log(alice.id, 'sign_in_failed', '216.160.83.56', '2026-03-02T23:59:00Z')
    await log(bob.id, 'sign_in_failed', '216.160.83.56', '2026-03-03T00:00:00Z')

    const exact = await search({ email: `ALICE-${tag}@example.com`, match: 'exact' })
    expect(exact.total).toBe(2)
    expect(exact.entries[0]?.account).toEqual({ id: alice.id, email: alice.email })
    expect((await search({ email: `alice-${tag}`, match: 'exact' })).total).toBe(0)
    expect((await search({ email: tag, match: 'contains' })).total).toBe(3)
    expect(
      (await search({ email: tag, severity: 'medium' })).entries.map((entry) => entry.account?.email).sort(),
    ).toEqual([alice.email, bob.email])
    expect((await search({ email: tag, kind: 'sign_in_succeeded' })).total).toBe(1)
    expect((await search({ email: tag, ip: '81.2.69.142' })).total).toBe(1)
    // "To" includes the whole day; "from" starts at its midnight (UTC).
    expect(
      (await search({ email: tag, from: '2026-03-02', to: '2026-03-02' })).entries.map((entry) => entry.account?.email),
    ).toEqual([alice.email])
    expect((await search({ email: tag, from: '2026-03-02' })).total).toBe(2)
  })

  it('ignores filter values that make no sense instead of failing', () => {
    expect(
      SecurityEventSearchSchema.parse({ severity: 'huge', kind: 'nope', from: '2026-13-45', page: '-3', match: 'x' }),
    ).toEqual({
      severity: undefined,
      kind: undefined,
      email: undefined,
      match: 'contains',
      ip: undefined,
      from: undefined,
      to: undefined,
      page: 1,
    })
  })
})
