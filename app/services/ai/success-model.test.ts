import { describe, expect, it } from 'vitest'
import type { LogisticModel } from './logistic'
import { SUCCESS_FEATURES, explainSuccess, featureRow, type SuccessFacts } from './success-model.server'

const FACTS: SuccessFacts = {
  freelancer: {
    reviewCount: 12,
    averageRating: 4.8,
    endedContracts: 12,
    paidContracts: 12,
    disputesLost: 0,
    milestonesDue: 30,
    milestonesOnTime: 24,
    lastActiveAt: null,
  },
  client: { reviewCount: 0, averageRating: null, ended: 5, disputed: 3 },
  skillMatches: [1, 1, 0],
  bidAmountMinor: 150_000,
  budgetMaxMinor: 100_000,
  projectLevel: 'expert',
  freelancerLevel: 'expert',
}

/** A model whose average case is the given row, so each push is coefficient × (value − mean). */
function modelAround(means: number[], coefficients: Record<string, number>): LogisticModel {
  return {
    features: SUCCESS_FEATURES.map((f) => f.key),
    means,
    scales: means.map(() => 1),
    intercept: 0,
    coefficients: SUCCESS_FEATURES.map((f) => coefficients[f.key] ?? 0),
  }
}

describe('success reasons', () => {
  it('names the three strongest pushes in words, each raising or lowering the chance', () => {
    const x = featureRow(FACTS)
    // Means at the facts' own values, except for the features that should stand out.
    const means = [...x]
    const at = (key: string) => SUCCESS_FEATURES.findIndex((f) => f.key === key)
    means[at('freelancerRating')] = x[at('freelancerRating')]! - 0.5 // rated above average
    means[at('overBudget')] = 0 // 50% over budget
    means[at('clientDisputes')] = 0 // 3 of 5 disputed
    means[at('skills')] = x[at('skills')]! - 0.01 // a tiny push, not among the three
    const model = modelAround(means, {
      freelancerRating: 2,
      overBudget: -3,
      clientDisputes: -2,
      skills: 1,
    })
    const { chance, reasons } = explainSuccess(model, FACTS)
    expect(reasons).toEqual([
      { words: 'the bid is 50% over the budget', raises: false },
      { words: 'the freelancer is rated 4.8 from 12 reviews', raises: true },
      { words: '3 of the client’s 5 ended contracts had a dispute', raises: false },
    ])
    // log-odds = 2·0.5 − 3·0.5 − 2·(3/7) + 0.01 → below one half.
    expect(chance).toBeCloseTo(1 / (1 + Math.exp(-(1 - 1.5 - 6 / 7 + 0.01))), 6)
  })

  it('gives no reason for a feature that does not move the estimate', () => {
    const x = featureRow(FACTS)
    const { reasons, chance } = explainSuccess(modelAround(x, { skills: 5 }), FACTS)
    expect(reasons).toEqual([])
    expect(chance).toBe(0.5)
  })
})
