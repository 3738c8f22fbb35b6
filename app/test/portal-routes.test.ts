import { describe, expect, it } from 'vitest'
import { listOutbox } from '~/models/outbox.server'
import { listSecurityEvents } from '~/models/security-events.server'
import { findFreelancerProfile } from '~/models/profiles.server'
import { touchSession } from '~/models/sessions.server'
import { findUserById } from '~/models/users.server'
import { loader as adminDashboardLoader } from '~/routes/_portal.admin._index'
import { action as adminUserAction, loader as adminUserLoader } from '~/routes/_portal.admin.users.$userId'
import { loader as adminUsersLoader } from '~/routes/_portal.admin.users._index'
import { loader as clientDashboardLoader } from '~/routes/_portal.client._index'
import { loader as freelancerDashboardLoader } from '~/routes/_portal.freelancer._index'
import { action as profileAction } from '~/routes/_portal.settings._index'
import { action as passwordAction } from '~/routes/_portal.settings.password'
import { loader as healthLoader } from '~/routes/healthz'
import { action as themeAction } from '~/routes/theme'
import { formRequest, getRequest, run } from './requests'
import { createTestUser, signedInCookie, TEST_PASSWORD } from './users'
import crypto from 'node:crypto'

describe('roles', () => {
  it('sends anonymous visitors to sign-in and back to where they were going', async () => {
    const response = await run(adminUsersLoader, getRequest('/admin/users?q=ann'))
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/sign-in?redirectTo=%2Fadmin%2Fusers%3Fq%3Dann')
  })

  it('answers 403 to the wrong role in loaders and actions alike', async () => {
    const client = await createTestUser('client')
    const freelancer = await createTestUser('freelancer')
    const clientCookie = await signedInCookie(client.id)
    expect((await run(adminDashboardLoader, getRequest('/admin', clientCookie))).status).toBe(403)
    expect((await run(freelancerDashboardLoader, getRequest('/freelancer', clientCookie))).status).toBe(403)
    expect((await run(clientDashboardLoader, getRequest('/client', await signedInCookie(freelancer.id)))).status).toBe(
      403,
    )
    const blockAttempt = await run(
      adminUserAction,
      formRequest(
        `/admin/users/${freelancer.id}`,
        { intent: 'block', reason: 'trying to block a rival' },
        clientCookie,
      ),
      { userId: freelancer.id },
    )
    expect(blockAttempt.status).toBe(403)
    expect((await findUserById(freelancer.id))?.blockedAt).toBeNull()
  })
})

describe('session lifetime', () => {
  it('signs out a session idle for 30 minutes', async () => {
    const user = await createTestUser('client')
    const cookie = await signedInCookie(user.id)
    expect((await run(clientDashboardLoader, getRequest('/client', cookie))).status).toBe(200)
    const token = JSON.parse(Buffer.from(decodeURIComponent(cookie.split('=')[1]!).split('.')[0]!, 'base64').toString())
    const sessionId = crypto.createHash('sha256').update(token).digest('hex')
    await touchSession(sessionId, new Date(Date.now() - 31 * 60 * 1000))
    expect((await run(clientDashboardLoader, getRequest('/client', cookie))).status).toBe(302)
  })
})

describe('admin users', () => {
  it('searches by name or email', async () => {
    const admin = await createTestUser('admin')
    await createTestUser('freelancer', { name: 'Zebediah Quill' })
    const response = await run(
      adminUsersLoader,
      getRequest('/admin/users?q=zebediah&role=freelancer', await signedInCookie(admin.id)),
    )
    const body = await response.json()
    expect(body.total).toBe(1)
    expect(body.rows[0].name).toBe('Zebediah Quill')
  })

  it('treats % and _ in a search literally', async () => {
    const admin = await createTestUser('admin')
    const response = await run(adminUsersLoader, getRequest('/admin/users?q=%25', await signedInCookie(admin.id)))
    expect((await response.json()).total).toBe(0)
  })

  it('needs a reason to block, tells the user, and can unblock', async () => {
    const admin = await createTestUser('admin')
    const target = await createTestUser('freelancer')
    const cookie = await signedInCookie(admin.id, { secondFactorAt: new Date() })
    const path = `/admin/users/${target.id}`
    const noReason = await run(adminUserAction, formRequest(path, { intent: 'block', reason: 'spam' }, cookie), {
      userId: target.id,
    })
    expect(noReason.status).toBe(400)
    expect((await noReason.json()).form.reply.error.reason).toEqual(['Explain the reason in at least 10 characters'])

    const blocked = await run(
      adminUserAction,
      formRequest(path, { intent: 'block', reason: 'Posted the same fake project 40 times' }, cookie),
      { userId: target.id },
    )
    expect(blocked.status).toBe(302)
    expect((await findUserById(target.id))?.blockedReason).toBe('Posted the same fake project 40 times')
    const mail = await listOutbox({ to: target.email, page: 1, pageSize: 5 })
    const blockMail = mail.rows.find((row) => row.subject === 'Your MegiLance account has been blocked')
    expect(blockMail?.text).toContain('Posted the same fake project 40 times')

    await run(adminUserAction, formRequest(path, { intent: 'unblock' }, cookie), { userId: target.id })
    expect((await findUserById(target.id))?.blockedAt).toBeNull()
  })

  it('answers 404 for an unknown user and never exposes password hashes', async () => {
    const admin = await createTestUser('admin')
    const cookie = await signedInCookie(admin.id, { secondFactorAt: new Date() })
    expect((await run(adminUserLoader, getRequest('/admin/users/nope', cookie), { userId: 'nope' })).status).toBe(404)
    const response = await run(adminUserLoader, getRequest(`/admin/users/${admin.id}`, cookie), { userId: admin.id })
    expect(JSON.stringify(await response.json())).not.toContain('argon2')
  })
})

/** A post of the change-password form. */
function changePassword(fields: Record<string, string>, cookie: string) {
  return run(passwordAction, formRequest('/settings/password', fields, cookie))
}

describe('settings', () => {
  it('changing the password ends the other sessions but keeps this one', async () => {
    const user = await createTestUser('client')
    const here = await signedInCookie(user.id, { secondFactorAt: new Date() })
    const elsewhere = await signedInCookie(user.id)
    const fields = {
      currentPassword: TEST_PASSWORD,
      newPassword: 'violet-harbour-88',
      confirmPassword: 'violet-harbour-88',
    }
    const withoutSecondFactor = await changePassword(fields, elsewhere)
    expect(withoutSecondFactor.headers.get('location')).toBe(
      '/settings/security/verify?redirectTo=%2Fsettings%2Fpassword',
    )
    const wrong = await changePassword(
      { currentPassword: 'nope nope', newPassword: 'violet-harbour-88', confirmPassword: 'violet-harbour-88' },
      here,
    )
    expect((await wrong.json()).error.currentPassword).toEqual(['Your current password is not right'])
    const mismatch = await changePassword(
      { currentPassword: TEST_PASSWORD, newPassword: 'violet-harbour-88', confirmPassword: 'violet-harbour-89' },
      here,
    )
    expect((await mismatch.json()).error.confirmPassword).toEqual(['The two passwords do not match'])
    const changed = await changePassword(
      { currentPassword: TEST_PASSWORD, newPassword: 'violet-harbour-88', confirmPassword: 'violet-harbour-88' },
      here,
    )
    expect(changed.status).toBe(302)
    expect((await run(clientDashboardLoader, getRequest('/client', here))).status).toBe(200)
    expect((await run(clientDashboardLoader, getRequest('/client', elsewhere))).status).toBe(302)
  })

  it('the current password re-entered here backs off like any other: the sixth wrong one in a row is 429', async () => {
    const user = await createTestUser('client')
    const cookie = await signedInCookie(user.id, { secondFactorAt: new Date() })
    const guess = (currentPassword: string) =>
      changePassword(
        { currentPassword, newPassword: 'violet-harbour-88', confirmPassword: 'violet-harbour-88' },
        cookie,
      )
    for (let i = 0; i < 5; i++) expect((await guess(`guess number ${i}`)).status).toBe(400)
    const sixth = await guess(TEST_PASSWORD)
    expect(sixth.status).toBe(429)
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThanOrEqual(59)
    const events = (await listSecurityEvents({ userId: user.id, page: 1, pageSize: 10 })).rows
    expect(events.filter((row) => row.event.kind === 'password_confirm_failed')).toHaveLength(5)
  })

  it('saves a freelancer profile and explains unknown skills', async () => {
    const user = await createTestUser('freelancer')
    const cookie = await signedInCookie(user.id)
    const fields = {
      name: 'Fran Lance',
      headline: 'React developer',
      bio: '',
      hourlyRate: '55.50',
      currency: 'USD',
      experienceLevel: 'expert',
    }
    const unknown = await run(
      profileAction,
      formRequest('/settings', { ...fields, skills: 'react, basket weaving' }, cookie),
    )
    expect(unknown.status).toBe(400)
    expect((await unknown.json()).result.error.skills[0]).toMatch(/Unknown skills: basket weaving/)
    const saved = await run(
      profileAction,
      formRequest('/settings', { ...fields, skills: 'react, typescript, Node.js' }, cookie),
    )
    expect(saved.status).toBe(302)
    const profile = await findFreelancerProfile(user.id)
    expect(profile?.hourlyRateMinor).toBe(5550)
    expect(profile?.skills.map((s) => s.name)).toEqual(['Node.js', 'React', 'TypeScript'])
    // A rate typed with a thousands separator is read; too many decimals name the currency's limit.
    const save = (hourlyRate: string) =>
      run(profileAction, formRequest('/settings', { ...fields, hourlyRate, skills: 'react' }, cookie))
    expect((await save('1,250.50')).status).toBe(302)
    expect((await findFreelancerProfile(user.id))?.hourlyRateMinor).toBe(1_250_50)
    const precise = await save('55.505')
    expect(precise.status).toBe(400)
    expect((await precise.json()).result.error.hourlyRate).toEqual(['USD amounts have at most 2 decimals'])
  })
})

describe('theme and health', () => {
  it('stores the theme in a cookie and returns to the page', async () => {
    const response = await run(themeAction, formRequest('/theme', { theme: 'dark', redirectTo: '/sign-in' }))
    expect(response.headers.get('location')).toBe('/sign-in')
    expect(response.headers.get('set-cookie')).toMatch(/^ml_theme=/)
    const bad = await run(themeAction, formRequest('/theme', { theme: 'neon' }))
    expect(bad.status).toBe(302)
  })

  it('reports the database as healthy', async () => {
    const response = await run(healthLoader, getRequest('/healthz'))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok', database: true })
  })
})
