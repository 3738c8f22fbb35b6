import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '~/models/db.server'
import { insertFittedModel } from '~/models/fitted-models.server'
import { fraudAlerts } from '~/models/schema'
import { loader } from '~/routes/_portal.admin.ai'
import { raiseAlerts } from '~/services/fraud/alerts.server'
import { DEFAULT_WEIGHTS } from '~/services/ai/matching-model.server'
import { getRequest, run } from '~/test/requests'
import { createTestUser, signedInCookie } from '~/test/users'

/**
 * AI monitoring: which version of each model is in force and how it did on held-out data, every
 * stored version, and how each fraud detector's alerts of the last 30 days were decided.
 */

const DAY = 86_400_000

async function alert(type: 'card_testing' | 'proposal_spam', status: string, createdAt = new Date()) {
  const subject = await createTestUser('freelancer')
  await raiseAlerts([
    {
      type,
      key: `${type}:${subject.id}`,
      score: 60,
      severity: 'medium',
      accounts: [subject.id],
      words: ['Test.'],
      data: {},
    },
  ])
  getDb()
    .update(fraudAlerts)
    .set({ status: status as 'pending', createdAt })
    .where(eq(fraudAlerts.subjectId, subject.id))
    .run()
}

type Page = {
  matching: {
    source: string
    version: number | null
    validation: { fitted: number; defaults: number } | null
    weights: { label: string; published: number; inForce: number }[]
  }
  success: { inForce: unknown }
  history: { kind: string; version: number; outcomes: number; headline: string }[]
  fraud: {
    type: string
    raised: number
    open: number
    confirmed: number
    falsePositive: number
    falsePositiveShare: number | null
  }[]
  nextRefitAt: string | null
}

describe('/admin/ai', () => {
  let adminCookie: string
  beforeAll(async () => {
    const fittedAt = new Date(Date.now() - DAY)
    await insertFittedModel({
      kind: 'matching',
      fittedAt,
      outcomes: 250,
      params: { weights: { ...DEFAULT_WEIGHTS, skills: 40, level: 0 }, inForce: 'fitted' },
      metrics: { validationProjects: 60, validationFitted: 0.3, validationDefaults: 0.25 },
    })
    // A success fit whose numbers do not fit today's features is listed, but not in force.
    await insertFittedModel({
      kind: 'success',
      fittedAt,
      outcomes: 300,
      params: { model: { features: ['old'], coefficients: [1], intercept: 0 } },
      metrics: { heldOutAuc: 0.712, heldOut: 60, goodShare: 0.7 },
    })
    await alert('card_testing', 'resolved')
    await alert('card_testing', 'resolved')
    await alert('card_testing', 'false_positive')
    await alert('card_testing', 'pending')
    await alert('proposal_spam', 'false_positive', new Date(Date.now() - 40 * DAY))
    const admin = await createTestUser('admin')
    adminCookie = await signedInCookie(admin.id, { secondFactorAt: new Date() })
  })

  it('is for admins only', async () => {
    for (const role of ['client', 'freelancer'] as const) {
      const user = await createTestUser(role)
      expect((await run(loader, getRequest('/admin/ai', await signedInCookie(user.id)))).status).toBe(403)
    }
  })

  it('names the versions in force with their held-out results, and lists every stored version', async () => {
    const response = await run(loader, getRequest('/admin/ai', adminCookie))
    expect(response.status).toBe(200)
    const page = (await response.json()) as Page
    expect(page.matching).toMatchObject({ source: 'fitted', version: 1, validation: { fitted: 0.3, defaults: 0.25 } })
    expect(page.matching.weights.find((w) => w.label === 'Skill match')).toEqual({
      label: 'Skill match',
      published: 30,
      inForce: 40,
    })
    expect(page.success.inForce).toBeNull()
    expect(page.history.map((m) => [m.kind, m.version, m.outcomes])).toEqual(
      expect.arrayContaining([
        ['matching', 1, 250],
        ['success', 1, 300],
      ]),
    )
    expect(page.history.find((m) => m.kind === 'success')!.headline).toBe('AUC 0.712 on 60 held-out contracts')
    expect(page.history.find((m) => m.kind === 'matching')!.headline).toBe(
      'Hired freelancer in the top 10: 30.0% fitted, 25.0% defaults; fitted weights used',
    )
    // The next weekly refit is due a week after the newest fit.
    expect(Date.parse(page.nextRefitAt!) - Date.now()).toBeGreaterThan(5 * DAY)
  })

  it("counts each detector's alerts of the last 30 days and the false-positive share of the decided ones", async () => {
    const page = (await (await run(loader, getRequest('/admin/ai', adminCookie))).json()) as Page
    expect(page.fraud.find((row) => row.type === 'card_testing')).toEqual({
      type: 'card_testing',
      raised: 4,
      open: 1,
      confirmed: 2,
      falsePositive: 1,
      falsePositiveShare: 1 / 3,
    })
    // The 40-day-old alert is outside the window; a detector with nothing decided has no share.
    expect(page.fraud.find((row) => row.type === 'proposal_spam')).toMatchObject({
      raised: 0,
      falsePositiveShare: null,
    })
  })
})
