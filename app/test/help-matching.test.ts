import { describe, expect, it } from 'vitest'
import { insertFittedModel } from '~/models/fitted-models.server'
import { loader } from '~/routes/_browse.help.matching'
import { DEFAULT_WEIGHTS } from '~/services/ai/matching-model.server'
import { getRequest, run } from './requests'

describe('/help/matching', () => {
  it('keeps the published defaults in force and says why when the newest fit lost to them on validation', async () => {
    await insertFittedModel({
      kind: 'matching',
      fittedAt: new Date('2026-11-20T00:00:00Z'),
      outcomes: 900,
      params: { weights: { ...DEFAULT_WEIGHTS, skills: 70, activity: 0 }, inForce: 'defaults' },
      metrics: { validationProjects: 180, validationFitted: 0.2, validationDefaults: 0.25 },
    })
    const page = (await (await run(loader, getRequest('/help/matching'))).json()) as {
      weights: Record<string, number>
      source: string
      fit: { version: number; outcomes: number; validation: { fitted: string; defaults: string } }
    }
    expect(page.source).toBe('default')
    expect(page.weights).toEqual(DEFAULT_WEIGHTS)
    expect(page.fit).toMatchObject({
      version: 1,
      outcomes: 900,
      validation: { projects: 180, fitted: '20.0%', defaults: '25.0%' },
    })
  })
})
