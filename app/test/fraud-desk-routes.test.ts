import { describe, expect, it } from 'vitest'
import { action as alertAction, loader as alertLoader } from '~/routes/_portal.admin.fraud.$alertId'
import { loader as deskLoader } from '~/routes/_portal.admin.fraud._index'
import { loader as csvLoader } from '~/routes/_portal.admin.fraud.alerts[.]csv'
import { loader as oldPageLoader } from '~/routes/_portal.admin.fraud-signals'
import { raiseAlerts } from '~/services/fraud/alerts.server'
import { listFraudAlerts } from '~/models/fraud-alerts.server'
import { FraudAlertFilterSchema } from '~/domain/fraud-alert-filters'
import { formRequest, getRequest, run } from './requests'
import { createTestUser, signedInCookie } from './users'

async function alertFor(userId: string, score: number, type: 'proposal_spam' | 'off_platform' = 'proposal_spam') {
  await raiseAlerts([
    {
      type,
      key: `${type}:${userId}`,
      score,
      severity: 'medium',
      accounts: [userId],
      words: ['Test evidence.'],
      data: {},
    },
  ])
  const { rows } = await listFraudAlerts(FraudAlertFilterSchema.parse({ type }), { offset: 0, limit: 500 })
  return rows.find((row) => row.subjectId === userId)!
}

describe('the fraud desk routes', () => {
  it('are for admins only: 403 for others, 404 for an unknown alert', async () => {
    const client = await createTestUser('client')
    const admin = await createTestUser('admin')
    const adminCookie = await signedInCookie(admin.id, { secondFactorAt: new Date() })
    const clientCookie = await signedInCookie(client.id)
    expect((await run(deskLoader, getRequest('/admin/fraud', clientCookie))).status).toBe(403)
    expect((await run(csvLoader, getRequest('/admin/fraud/alerts.csv', clientCookie))).status).toBe(403)
    expect((await run(alertLoader, getRequest('/admin/fraud/x', adminCookie), { alertId: 'nope' })).status).toBe(404)
    const old = await run(oldPageLoader, getRequest('/admin/fraud-signals', adminCookie))
    expect(old.headers.get('location')).toBe('/admin/fraud?type=off_platform')
  })

  it('needs a note for every step, refuses a step the state does not allow, and keeps the history', async () => {
    const admin = await createTestUser('admin', { name: 'Ada Admin' })
    const cookie = await signedInCookie(admin.id, { secondFactorAt: new Date() })
    const suspect = await createTestUser('freelancer')
    const alert = await alertFor(suspect.id, 50)
    const step = (fields: Record<string, string>) =>
      run(alertAction, formRequest(`/admin/fraud/${alert.id}`, { intent: 'workflow', ...fields }, cookie), {
        alertId: alert.id,
      })
    expect((await step({ action: 'investigate', note: '' })).status).toBe(400)
    expect((await step({ action: 'reopen', note: 'Reopening it now' })).status).toBe(409)
    expect((await step({ action: 'investigate', note: 'Looking at the letters' })).status).toBe(302)
    expect((await step({ action: 'dismiss', note: 'Templates with real edits' })).status).toBe(302)
    const page = (await (
      await run(alertLoader, getRequest(`/admin/fraud/${alert.id}`, cookie), { alertId: alert.id })
    ).json()) as {
      alert: { status: string; assigneeId: string }
      history: { action: string; note: string; actorName: string | null }[]
    }
    expect(page.alert).toMatchObject({ status: 'false_positive', assigneeId: admin.id })
    expect(page.history.map((h) => [h.action, h.actorName, h.note])).toEqual([
      ['raised', null, 'Score 50'],
      ['investigate', 'Ada Admin', 'Looking at the letters'],
      ['dismiss', 'Ada Admin', 'Templates with real edits'],
    ])
  })

  it('tells an unfiltered desk from a filtered one, so an empty desk does not speak of filters', async () => {
    const admin = await createTestUser('admin')
    const cookie = await signedInCookie(admin.id, { secondFactorAt: new Date() })
    const filtered = async (query: string) =>
      ((await (await run(deskLoader, getRequest(`/admin/fraud${query}`, cookie))).json()) as { filtered: boolean })
        .filtered
    expect(await filtered('')).toBe(false)
    // Sorting or paging narrows nothing; an unreadable value reads as no filter.
    expect(await filtered('?sort=score&page=2&severity=bogus')).toBe(false)
    expect(await filtered('?person=nobody')).toBe(true)
    expect(await filtered('?minScore=0')).toBe(true)
  })

  it('exports exactly the filtered rows as CSV', async () => {
    const admin = await createTestUser('admin')
    const cookie = await signedInCookie(admin.id, { secondFactorAt: new Date() })
    const a = await createTestUser('client', { email: `csv-a-${crypto.randomUUID()}@test.example` })
    const b = await createTestUser('client')
    await alertFor(a.id, 70, 'off_platform')
    await alertFor(b.id, 45, 'off_platform')
    const response = await run(
      csvLoader,
      getRequest(`/admin/fraud/alerts.csv?type=off_platform&minScore=60&person=${a.email}`, cookie),
    )
    const lines = (await response.text()).trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain(a.email)
  })
})
